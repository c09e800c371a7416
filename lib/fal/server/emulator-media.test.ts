import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** A fresh module graph: the server reads its environment once. */
async function originsWith(emulatorUrl: string) {
  vi.stubEnv("AUTH_SECRET", "a-test-secret-long-enough-for-auth-js");
  vi.stubEnv("FAL_KEY", "local");
  vi.stubEnv("FAL_EMULATOR_URL", emulatorUrl);
  vi.resetModules();
  const { extraMediaOrigins } = await import("./emulator-media");
  return extraMediaOrigins();
}

describe("extraMediaOrigins (part of the emulator seam)", () => {
  it("accepts the emulator's origin for input images only when FAL_EMULATOR_URL is set", async () => {
    expect(await originsWith("http://localhost:4010/ignored/path")).toEqual([
      "http://localhost:4010",
    ]);
    expect(await originsWith("")).toEqual([]);
  });
});

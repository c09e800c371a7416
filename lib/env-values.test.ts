import { describe, expect, it } from "vitest";
import { assertLoopbackUrl } from "./env-values";

describe("assertLoopbackUrl", () => {
  it.each([
    "http://localhost:4010",
    "http://127.0.0.1:4010",
    "http://127.1.2.3",
    "https://localhost",
    "http://[::1]:4010/",
  ])("accepts %s", (raw) => {
    expect(assertLoopbackUrl(raw)).toBeInstanceOf(URL);
  });

  it.each([
    ["http://example.com:4010", /FAL_EMULATOR_URL must point at this machine.*example\.com/],
    ["http://10.0.0.1", /FAL_EMULATOR_URL must point at this machine/],
    ["http://localhost.evil.com", /FAL_EMULATOR_URL must point at this machine/],
    ["http://128.0.0.1", /FAL_EMULATOR_URL must point at this machine/],
    ["http://[::2]", /FAL_EMULATOR_URL must point at this machine/],
    ["ftp://localhost", /FAL_EMULATOR_URL must use http or https/],
    ["http://user:secret@localhost", /FAL_EMULATOR_URL must not contain credentials/],
    ["localhost:4010", /FAL_EMULATOR_URL/],
    ["", /FAL_EMULATOR_URL is not a valid URL/],
  ])("rejects %j", (raw, message) => {
    expect(() => assertLoopbackUrl(raw)).toThrow(message);
  });

  it("does not echo credentials in its error", () => {
    expect(() => assertLoopbackUrl("http://user:secret@example.com")).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("secret") }),
    );
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";

async function warningsAt(env: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const warnings: string[] = [];
  vi.spyOn(console, "warn").mockImplementation((line: string) => void warnings.push(line));
  const { checkEnvironmentAndWireEmulator } = await import("./check-environment");
  checkEnvironmentAndWireEmulator();
  return warnings;
}

const configured = {
  AUTH_SECRET: "check-environment-test-secret",
  FAL_KEY: "local",
  AUTH_ALLOWED_EMAILS: "ada@example.com",
  AUTH_OIDC_ISSUER: "http://localhost:4011",
  AUTH_OIDC_ID: "id",
  AUTH_OIDC_SECRET: "secret",
  BUDGET_APP_DAILY_USD: "100",
};

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("the start-up check", () => {
  it("warns when the dearest run costs more than a user's daily budget, naming it", async () => {
    const warnings = await warningsAt({ ...configured, BUDGET_PER_USER_DAILY_USD: "1" });
    expect(warnings).toContain(
      "budgets: the dearest run, Veo 3.1 for 8s at 4k with audio, costs $4.80, more than a user's $1.00 a day: runs dearer than a user's budget are refused.",
    );
  });

  it("says nothing of it when a user's budget covers every run", async () => {
    const warnings = await warningsAt({ ...configured, BUDGET_PER_USER_DAILY_USD: "5" });
    expect(warnings.filter((line) => line.includes("dearest run"))).toEqual([]);
  });
});

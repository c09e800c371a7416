import { describe, expect, it } from "vitest";
import { parseServerEnv as parseEnv } from "./env";

const secret = { AUTH_SECRET: "test-secret" };
const parseServerEnv = (env: Record<string, string>) => parseEnv({ ...secret, ...env });

describe("parseServerEnv", () => {
  it("requires AUTH_SECRET and says how to make one", () => {
    expect(() => parseEnv({})).toThrow(/AUTH_SECRET is not set: make one with `npx auth secret`/);
    expect(() => parseEnv({ NEXTAUTH_SECRET: "legacy-name" })).not.toThrow();
  });

  it("accepts an environment with only a secret: no key, no providers, anyone allowed", () => {
    expect(parseServerEnv({})).toEqual({
      falKey: undefined,
      emulatorUrl: undefined,
      allowList: { kind: "anyone" },
      github: undefined,
      oidc: undefined,
    });
  });

  it("treats blank values as unset", () => {
    expect(parseServerEnv({ FAL_KEY: "  ", AUTH_GITHUB_ID: "" }).falKey).toBeUndefined();
  });

  it("builds the fal key from FAL_KEY, or from FAL_KEY_ID and FAL_KEY_SECRET", () => {
    expect(parseServerEnv({ FAL_KEY: "abc" }).falKey).toBe("abc");
    expect(parseServerEnv({ FAL_KEY_ID: "id", FAL_KEY_SECRET: "secret" }).falKey).toBe("id:secret");
  });

  it("names the missing half of a pair", () => {
    expect(() => parseServerEnv({ FAL_KEY_ID: "id" })).toThrow(
      "FAL_KEY_SECRET must be set together with FAL_KEY_ID",
    );
    expect(() => parseServerEnv({ AUTH_GITHUB_SECRET: "s" })).toThrow(
      "AUTH_GITHUB_ID must be set together with AUTH_GITHUB_SECRET",
    );
    expect(() => parseServerEnv({ AUTH_OIDC_ID: "id", AUTH_OIDC_SECRET: "s" })).toThrow(
      "AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET must be set together",
    );
  });

  it("switches providers on from their variables", () => {
    const env = parseServerEnv({
      AUTH_GITHUB_ID: "gh-id",
      AUTH_GITHUB_SECRET: "gh-secret",
      AUTH_OIDC_ISSUER: "https://id.example.com",
      AUTH_OIDC_ID: "oidc-id",
      AUTH_OIDC_SECRET: "oidc-secret",
    });
    expect(env.github).toEqual({ clientId: "gh-id", clientSecret: "gh-secret" });
    expect(env.oidc).toEqual({
      issuer: "https://id.example.com",
      clientId: "oidc-id",
      clientSecret: "oidc-secret",
      name: "OpenID Connect",
    });
  });

  it("accepts only a loopback emulator URL", () => {
    expect(parseServerEnv({ FAL_EMULATOR_URL: "http://localhost:4010" }).emulatorUrl?.origin).toBe(
      "http://localhost:4010",
    );
    expect(() => parseServerEnv({ FAL_EMULATOR_URL: "https://emulator.example.com" })).toThrow(
      /FAL_EMULATOR_URL/,
    );
  });

  it("reports every problem at once", () => {
    expect(() => parseServerEnv({ FAL_KEY_ID: "id", AUTH_ALLOWED_EMAILS: "not-an-email" })).toThrow(
      /FAL_KEY_SECRET[\s\S]*AUTH_ALLOWED_EMAILS/,
    );
  });
});

import { describe, expect, it } from "vitest";
import { parseServerEnv as parseEnv } from "./env";

const secret = { AUTH_SECRET: "test-secret" };
const parseServerEnv = (env: Record<string, string>) => parseEnv({ ...secret, ...env });

describe("parseServerEnv", () => {
  it("requires AUTH_SECRET and says how to make one", () => {
    expect(() => parseEnv({})).toThrow(/AUTH_SECRET is not set: make one with `npx auth secret`/);
    expect(parseEnv({ NEXTAUTH_SECRET: "legacy-name" }).authSecret).toBe("legacy-name");
  });

  it("names an AUTH_URL that is not a URL", () => {
    expect(() => parseServerEnv({ AUTH_URL: "example.com" })).toThrow(
      /AUTH_URL must be a URL such as https:\/\/example.com \(got "example.com"\)/,
    );
    expect(parseServerEnv({ AUTH_URL: "https://app.example.com" }).authUrl).toBe(
      "https://app.example.com",
    );
  });

  it("accepts an environment with only a secret: no key, no providers, anyone allowed", () => {
    expect(parseServerEnv({})).toEqual({
      authSecret: "test-secret",
      authUrl: undefined,
      falKey: undefined,
      emulatorUrl: undefined,
      allowList: { kind: "anyone" },
      github: undefined,
      oidc: undefined,
      redisUrl: undefined,
      proxy: {
        limits: { perMinute: 10, perDay: 100 },
        maxBodyBytes: 4_194_304,
        upstreamTimeoutMs: 30_000,
      },
    });
  });

  it("reads the proxy's limits, and names a value that is not a positive whole number", () => {
    const env = parseServerEnv({
      RATE_LIMIT_PER_MINUTE: "3",
      RATE_LIMIT_PER_DAY: "50",
      PROXY_MAX_BODY_BYTES: "1024",
      PROXY_UPSTREAM_TIMEOUT_MS: "2000",
      REDIS_URL: "rediss://default:pw@redis.example.com:6380",
    });
    expect(env.proxy).toEqual({
      limits: { perMinute: 3, perDay: 50 },
      maxBodyBytes: 1024,
      upstreamTimeoutMs: 2000,
    });
    expect(env.redisUrl).toBe("rediss://default:pw@redis.example.com:6380");
    for (const bad of ["0", "-1", "1.5", "ten", "1e3"]) {
      expect(() => parseServerEnv({ RATE_LIMIT_PER_MINUTE: bad })).toThrow(
        `RATE_LIMIT_PER_MINUTE must be a whole number of at least 1 (got "${bad}")`,
      );
    }
    expect(() => parseServerEnv({ REDIS_URL: "localhost:6379" })).toThrow(
      "REDIS_URL must be a redis:// or rediss:// URL",
    );
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

import { describe, expect, it } from "vitest";
import { parseServerEnv as parseEnv, readFalAccess } from "./env";

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
      sessionMaxAgeSeconds: 7 * 86_400,
      proxy: {
        limits: { perMinute: 10, perDay: 100 },
        maxBodyBytes: 4_194_304,
        upstreamTimeoutMs: 30_000,
        reads: { perMinute: 600, streamsPerUser: 5, streamMaxSeconds: 600 },
        uploadsPerUserDaily: 20,
      },
      budgets: {
        perUserDailyMicroUsd: 1_000_000,
        appDailyMicroUsd: 10_000_000,
        defaulted: ["BUDGET_PER_USER_DAILY_USD", "BUDGET_APP_DAILY_USD"],
      },
    });
  });

  it("reads the proxy's limits, and names a value that is not a positive whole number", () => {
    const env = parseServerEnv({
      RATE_LIMIT_PER_MINUTE: "3",
      RATE_LIMIT_PER_DAY: "50",
      PROXY_MAX_BODY_BYTES: "1024",
      PROXY_UPSTREAM_TIMEOUT_MS: "2000",
      PROXY_READS_PER_MINUTE: "60",
      PROXY_STREAMS_PER_USER: "2",
      PROXY_STREAM_MAX_SECONDS: "30",
      UPLOADS_PER_USER_DAILY: "3",
      REDIS_URL: "rediss://default:pw@redis.example.com:6380",
    });
    expect(env.proxy).toEqual({
      limits: { perMinute: 3, perDay: 50 },
      maxBodyBytes: 1024,
      upstreamTimeoutMs: 2000,
      reads: { perMinute: 60, streamsPerUser: 2, streamMaxSeconds: 30 },
      uploadsPerUserDaily: 3,
    });
    expect(env.redisUrl).toBe("rediss://default:pw@redis.example.com:6380");
    for (const bad of ["0", "-1", "1.5", "ten", "1e3"]) {
      expect(() => parseServerEnv({ RATE_LIMIT_PER_MINUTE: bad })).toThrow(
        `RATE_LIMIT_PER_MINUTE must be a whole number of at least 1 (got "${bad}")`,
      );
    }
    expect(() => parseServerEnv({ UPLOADS_PER_USER_DAILY: "0" })).toThrow(
      'UPLOADS_PER_USER_DAILY must be a whole number of at least 1 (got "0")',
    );
    expect(() => parseServerEnv({ REDIS_URL: "localhost:6379" })).toThrow(
      "REDIS_URL must be a redis:// or rediss:// URL",
    );
  });

  it("reads the daily budgets in dollars, exactly, and names a bad amount", () => {
    const env = parseServerEnv({ BUDGET_PER_USER_DAILY_USD: "0.10", BUDGET_APP_DAILY_USD: "2.5" });
    expect(env.budgets).toEqual({
      perUserDailyMicroUsd: 100_000,
      appDailyMicroUsd: 2_500_000,
      defaulted: [],
    });
    expect(parseServerEnv({ BUDGET_APP_DAILY_USD: "3" }).budgets.defaulted).toEqual([
      "BUDGET_PER_USER_DAILY_USD",
    ]);
    for (const bad of ["0", "-1", "$1", "1,50", "0.0000001", "lots"]) {
      expect(() => parseServerEnv({ BUDGET_PER_USER_DAILY_USD: bad })).toThrow(
        `BUDGET_PER_USER_DAILY_USD must be an amount of US dollars above 0, such as 2.50 (got "${bad}")`,
      );
    }
  });

  it("reads the absolute session lifetime in seconds", () => {
    expect(parseServerEnv({ AUTH_SESSION_MAX_AGE: "3600" }).sessionMaxAgeSeconds).toBe(3600);
    expect(() => parseServerEnv({ AUTH_SESSION_MAX_AGE: "7d" })).toThrow(
      'AUTH_SESSION_MAX_AGE must be a whole number of at least 1 (got "7d")',
    );
  });

  it("refuses to send a real-looking fal key to the emulator", () => {
    const realLooking = "0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9:0123456789abcdef0123456789abcdef";
    expect(() =>
      parseServerEnv({ FAL_EMULATOR_URL: "http://localhost:4010", FAL_KEY: realLooking }),
    ).toThrow(/FAL_EMULATOR_URL is set together with what looks like a real fal key/);
    const [id, secret] = realLooking.split(":") as [string, string];
    expect(() =>
      parseServerEnv({
        FAL_EMULATOR_URL: "http://localhost:4010",
        FAL_KEY_ID: id,
        FAL_KEY_SECRET: secret,
      }),
    ).toThrow(/looks like a real fal key/);
    // The same key without the emulator, and the emulator with a local key, are fine.
    expect(parseServerEnv({ FAL_KEY: realLooking }).falKey).toBe(realLooking);
    expect(
      parseServerEnv({ FAL_EMULATOR_URL: "http://localhost:4010", FAL_KEY: "local" }).falKey,
    ).toBe("local");
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

  it("refuses to run on Vercel without REDIS_URL, naming it: memory limits do not hold across instances", () => {
    expect(() => parseServerEnv({ VERCEL: "1" })).toThrow(
      /REDIS_URL is not set, and this runs on Vercel \(VERCEL=1\), where limits, budgets and stream slots in memory do not hold across instances/,
    );
    expect(() => parseServerEnv({ VERCEL: "1", REDIS_URL: " " })).toThrow(/REDIS_URL is not set/);
    const onVercel = parseServerEnv({
      VERCEL: "1",
      REDIS_URL: "rediss://default:pw@db.example:6379",
    });
    expect(onVercel.redisUrl).toBe("rediss://default:pw@db.example:6379");
  });

  it("keeps limits in memory off Vercel, where one instance may run without Redis", () => {
    expect(parseServerEnv({}).redisUrl).toBeUndefined();
    expect(parseServerEnv({ VERCEL: "0" }).redisUrl).toBeUndefined();
  });

  it("reports every problem at once", () => {
    expect(() => parseServerEnv({ FAL_KEY_ID: "id", AUTH_ALLOWED_EMAILS: "not-an-email" })).toThrow(
      /FAL_KEY_SECRET[\s\S]*AUTH_ALLOWED_EMAILS/,
    );
  });
});

describe("readFalAccess (the server's reader, which npm run prices uses alone)", () => {
  it("reads the fal key and the emulator URL without the app's settings", () => {
    expect(readFalAccess({})).toEqual({
      access: { falKey: undefined, emulatorUrl: undefined },
      problems: [],
    });
    expect(readFalAccess({ FAL_KEY_ID: "id", FAL_KEY_SECRET: "secret" }).access.falKey).toBe(
      "id:secret",
    );
    const { access } = readFalAccess({
      FAL_KEY: "local",
      FAL_EMULATOR_URL: "http://127.0.0.1:4010",
    });
    expect(access.falKey).toBe("local");
    expect(access.emulatorUrl?.origin).toBe("http://127.0.0.1:4010");
  });

  it("applies the server's checks to them, naming every problem", () => {
    const realLooking = "0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9:0123456789abcdef0123456789abcdef";
    expect(
      readFalAccess({ FAL_KEY: realLooking, FAL_EMULATOR_URL: "http://localhost:4010" }).problems,
    ).toEqual([
      expect.stringMatching(
        /^FAL_EMULATOR_URL is set together with what looks like a real fal key/,
      ),
    ]);
    expect(
      readFalAccess({ FAL_KEY_ID: "id", FAL_EMULATOR_URL: "http://emulator.example.com" }).problems,
    ).toEqual([
      "FAL_KEY_SECRET must be set together with FAL_KEY_ID",
      expect.stringMatching(/^FAL_EMULATOR_URL must point at this machine/),
    ]);
  });
});

import { test } from "@playwright/test";
import { unverifiedUser } from "./demo-user";
import { type LocalPorts, localAppEnv } from "./local-env";

/** Ports apart from demo mode's, so `npm run demo` and the tests can run side by side. */
export const e2ePorts: LocalPorts = { app: 3100, emulator: 4100, oidc: 4101 };
/** A second app instance and the Redis both share: limits and ownership must hold across them. */
export const secondAppPort = 3101;
export const redisPort = 4102;
export const sharedRedisUrl = `redis://localhost:${redisPort}`;
/**
 * An instance with small daily budgets and a small upload count, kept in its own memory, so
 * tests can use them up.
 */
export const budgetAppPort = 3102;
export const e2eBudgets = { perUserUsd: "0.05", appUsd: "0.12" };
/**
 * Uploads each user may start per day on the budget instance, small so tests can reach it
 * (e2e/uploads-api.spec.ts, and the generator's upload tests). The other instances allow
 * plenty: the suite's uploads, all as the demo user, must never meet their limit.
 */
export const e2eBudgetUploadsPerDay = 3;

/** Fixed test-only secrets: the tests must know them to prove where they do and do not appear. */
export const e2eSecrets = {
  falKey: "e2e-fal-key-3f9c2a7d41b84e0c",
  authSecret: "e2e-auth-secret-b6f1d0c8a9e2437f8d5c1a0b",
};

/** Users of `@e2e.test` are allowed: each test that counts submits signs in a fresh one. */
export const allowedTestDomain = "e2e.test";
export const e2eLimits = { perMinute: 30, upstreamTimeoutMs: 2_000, streamsPerUser: 5 };

/** `redisUrl` blank: the instance keeps its limits, budgets and ownership in memory. */
export function e2eAppEnv(port: number, redisUrl: string) {
  const env = localAppEnv(e2ePorts, e2eSecrets);
  return {
    ...env,
    AUTH_URL: `http://localhost:${port}`,
    // The unverified user is listed, so nothing but verification can keep them out.
    AUTH_ALLOWED_EMAILS: `${env.AUTH_ALLOWED_EMAILS},@${allowedTestDomain},${unverifiedUser.email}`,
    REDIS_URL: redisUrl,
    RATE_LIMIT_PER_MINUTE: String(e2eLimits.perMinute),
    RATE_LIMIT_PER_DAY: "100000",
    PROXY_UPSTREAM_TIMEOUT_MS: String(e2eLimits.upstreamTimeoutMs),
    // The default, named so the tests know it. Reads per minute stay at the default (600):
    // the suite's generations, all as the demo user, must never meet it.
    PROXY_STREAMS_PER_USER: String(e2eLimits.streamsPerUser),
    // Far above what the suite spends: the budgets are tested on their own instance.
    BUDGET_PER_USER_DAILY_USD: "1000",
    BUDGET_APP_DAILY_USD: "100000",
    UPLOADS_PER_USER_DAILY: "10000",
  };
}

export function e2eBudgetAppEnv() {
  return {
    ...e2eAppEnv(budgetAppPort, ""),
    BUDGET_PER_USER_DAILY_USD: e2eBudgets.perUserUsd,
    BUDGET_APP_DAILY_USD: e2eBudgets.appUsd,
    UPLOADS_PER_USER_DAILY: String(e2eBudgetUploadsPerDay),
  };
}

export const appUrl = `http://localhost:${e2ePorts.app}`;
export const secondAppUrl = `http://localhost:${secondAppPort}`;
export const budgetAppUrl = `http://localhost:${budgetAppPort}`;
export const emulatorUrl = `http://localhost:${e2ePorts.emulator}`;
export const storageStatePath = "e2e/.auth/demo-user.json";

/**
 * For tests of two instances sharing Redis: skipped, with the reason, where the config found no
 * redis-server (it then starts one instance, in memory; see playwright.config.ts).
 */
export function skipUnlessSharedRedis(): void {
  test.skip(
    !test.info().config.metadata.sharedRedis,
    "needs two app instances sharing a redis-server, which is not installed",
  );
}

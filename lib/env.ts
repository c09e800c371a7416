import "server-only";
import { z } from "zod";
import { type AllowList, parseAllowList } from "@/lib/auth/allow-list";
import { assertLoopbackUrl, count, pair, type Source, usd } from "@/lib/env-values";

/**
 * The one place that reads the server's environment. Everything else asks `serverEnv()`,
 * so a misconfiguration is reported once, by name, instead of failing deep inside a request.
 */
const optional = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined);

const falSchema = z.object({
  FAL_KEY: optional,
  FAL_KEY_ID: optional,
  FAL_KEY_SECRET: optional,
  FAL_EMULATOR_URL: optional,
});

const schema = falSchema.extend({
  AUTH_SECRET: optional,
  NEXTAUTH_SECRET: optional,
  AUTH_URL: optional,
  AUTH_ALLOWED_EMAILS: optional,
  AUTH_GITHUB_ID: optional,
  AUTH_GITHUB_SECRET: optional,
  AUTH_OIDC_ISSUER: optional,
  AUTH_OIDC_ID: optional,
  AUTH_OIDC_SECRET: optional,
  AUTH_OIDC_NAME: optional,
  REDIS_URL: optional,
  RATE_LIMIT_PER_MINUTE: optional,
  RATE_LIMIT_PER_DAY: optional,
  PROXY_MAX_BODY_BYTES: optional,
  PROXY_UPSTREAM_TIMEOUT_MS: optional,
  PROXY_READS_PER_MINUTE: optional,
  PROXY_STREAMS_PER_USER: optional,
  PROXY_STREAM_MAX_SECONDS: optional,
  UPLOADS_PER_USER_DAILY: optional,
  BUDGET_PER_USER_DAILY_USD: optional,
  BUDGET_APP_DAILY_USD: optional,
  AUTH_SESSION_MAX_AGE: optional,
  VERCEL: optional,
});

export type OAuthClient = { clientId: string; clientSecret: string };

export type ServerEnv = {
  /** Encrypts the session cookie; Auth.js reads it too. */
  authSecret: string;
  /** The app's public URL, when the request's host is not it. */
  authUrl: string | undefined;
  /** The value of the upstream `Authorization: Key …` header, or undefined when unset. */
  falKey: string | undefined;
  emulatorUrl: URL | undefined;
  allowList: AllowList;
  github: OAuthClient | undefined;
  oidc: (OAuthClient & { issuer: string; name: string }) | undefined;
  /** Shared limits and request ownership across instances; in memory when unset. */
  redisUrl: string | undefined;
  /** How long a sign-in lasts, in seconds, however often the session is refreshed. */
  sessionMaxAgeSeconds: number;
  proxy: ProxySettings;
  budgets: BudgetSettings;
};

export type ProxySettings = {
  limits: { perMinute: number; perDay: number };
  maxBodyBytes: number;
  upstreamTimeoutMs: number;
  /** Status, result and cancel calls: a rate per user, and open status streams per user. */
  reads: { perMinute: number; streamsPerUser: number; streamMaxSeconds: number };
  /** Storage uploads each user may start per UTC day. */
  uploadsPerUserDaily: number;
};

/** Daily spending caps, in millionths of a US dollar (whole numbers add up exactly). */
export type BudgetSettings = {
  perUserDailyMicroUsd: number;
  appDailyMicroUsd: number;
  /** The budget variables left unset, so the server can say which defaults it runs on. */
  defaulted: string[];
};

/**
 * fal keys are `<uuid>:<32 hex>`. The emulator is a local, unauthenticated test double: a
 * real key sent to it could end up in its logs or anyone's loopback listener.
 */
const realFalKeyPattern =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:[0-9a-f]{32}$/i;

export type FalAccess = Pick<ServerEnv, "falKey" | "emulatorUrl">;

/**
 * The fal key and the emulator URL, with what is wrong with them. `parseServerEnv` reads them
 * here; so does `npm run prices`, which calls fal without running the app (and so has no
 * AUTH_SECRET): one reader of the key, with one set of checks.
 */
export function readFalAccess(source: Source): { access: FalAccess; problems: string[] } {
  const env = falSchema.parse(source);
  const problems: string[] = [];
  const keyPair = pair(env, "FAL_KEY_ID", "FAL_KEY_SECRET", problems);
  let emulatorUrl: URL | undefined;
  try {
    emulatorUrl = env.FAL_EMULATOR_URL ? assertLoopbackUrl(env.FAL_EMULATOR_URL) : undefined;
  } catch (error) {
    problems.push((error as Error).message);
  }
  const falKey = env.FAL_KEY ?? (keyPair && `${keyPair.first}:${keyPair.second}`);
  if (env.FAL_EMULATOR_URL && falKey && realFalKeyPattern.test(falKey)) {
    problems.push(
      "FAL_EMULATOR_URL is set together with what looks like a real fal key: unset one of them (the emulator takes any other value, e.g. FAL_KEY=local)",
    );
  }
  return { access: { falKey, emulatorUrl }, problems };
}

export function parseServerEnv(source: Source): ServerEnv {
  const env = schema.parse(source);
  const problems: string[] = [];
  const attempt = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      problems.push((error as Error).message);
      return undefined;
    }
  };

  // Auth.js reads the secret itself; checking here turns its runtime error into a start-up one.
  const authSecret = env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
  if (!authSecret) {
    problems.push(
      "AUTH_SECRET is not set: make one with `npx auth secret` or `openssl rand -base64 32`",
    );
  }
  const fal = readFalAccess(source);
  problems.push(...fal.problems);
  const { falKey, emulatorUrl } = fal.access;
  const github = pair(env, "AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET", problems);
  const oidc = pair(env, "AUTH_OIDC_ID", "AUTH_OIDC_SECRET", problems);
  if (Boolean(oidc) !== Boolean(env.AUTH_OIDC_ISSUER)) {
    problems.push("AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET must be set together");
  }
  const allowList = attempt(() => parseAllowList(env.AUTH_ALLOWED_EMAILS));

  if (env.AUTH_URL && !URL.canParse(env.AUTH_URL)) {
    problems.push(`AUTH_URL must be a URL such as https://example.com (got "${env.AUTH_URL}")`);
  }
  if (env.REDIS_URL && !/^rediss?:\/\/./.test(env.REDIS_URL)) {
    problems.push("REDIS_URL must be a redis:// or rediss:// URL");
  }
  // Vercel runs many instances: limits, budgets and stream slots kept in memory would each
  // count alone, so a user (or the app) could spend several times what is allowed.
  if (env.VERCEL === "1" && !env.REDIS_URL) {
    problems.push(
      "REDIS_URL is not set, and this runs on Vercel (VERCEL=1), where limits, budgets and stream slots in memory do not hold across instances: connect a Redis database from the Vercel Marketplace to the project (it sets REDIS_URL) and redeploy",
    );
  }
  const proxy: ProxySettings = {
    limits: {
      perMinute: count(env, "RATE_LIMIT_PER_MINUTE", 10, problems),
      perDay: count(env, "RATE_LIMIT_PER_DAY", 100, problems),
    },
    // 4 MiB: below Vercel's 4.5 MB request body limit, so the proxy answers before the platform.
    maxBodyBytes: count(env, "PROXY_MAX_BODY_BYTES", 4 * 1024 * 1024, problems),
    upstreamTimeoutMs: count(env, "PROXY_UPSTREAM_TIMEOUT_MS", 30_000, problems),
    // The UI makes three calls an image (polling, its fallback, two a second): far below these.
    reads: {
      perMinute: count(env, "PROXY_READS_PER_MINUTE", 600, problems),
      streamsPerUser: count(env, "PROXY_STREAMS_PER_USER", 5, problems),
      streamMaxSeconds: count(env, "PROXY_STREAM_MAX_SECONDS", 600, problems),
    },
    // Enough for an afternoon of editing; each upload is a file kept in the owner's fal storage.
    uploadsPerUserDaily: count(env, "UPLOADS_PER_USER_DAILY", 20, problems),
  };
  const sessionMaxAgeSeconds = count(env, "AUTH_SESSION_MAX_AGE", 7 * 86_400, problems);
  const budgets: BudgetSettings = {
    perUserDailyMicroUsd: usd(env, "BUDGET_PER_USER_DAILY_USD", 1, problems),
    appDailyMicroUsd: usd(env, "BUDGET_APP_DAILY_USD", 10, problems),
    defaulted: ["BUDGET_PER_USER_DAILY_USD", "BUDGET_APP_DAILY_USD"].filter(
      (name) => env[name as keyof typeof env] === undefined,
    ),
  };

  if (problems.length > 0 || !allowList || !authSecret) {
    throw new Error(`Invalid server environment:\n- ${problems.join("\n- ")}`);
  }
  return {
    authSecret,
    authUrl: env.AUTH_URL,
    falKey,
    emulatorUrl,
    allowList,
    github: github && { clientId: github.first, clientSecret: github.second },
    oidc:
      oidc && env.AUTH_OIDC_ISSUER
        ? {
            issuer: env.AUTH_OIDC_ISSUER,
            clientId: oidc.first,
            clientSecret: oidc.second,
            name: env.AUTH_OIDC_NAME ?? "OpenID Connect",
          }
        : undefined,
    redisUrl: env.REDIS_URL,
    sessionMaxAgeSeconds,
    proxy,
    budgets,
  };
}

let cached: ServerEnv | undefined;

/** Parsed lazily: `next build` imports server modules without the runtime environment. */
export function serverEnv(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}

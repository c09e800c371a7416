import "server-only";
import { z } from "zod";
import { type AllowList, parseAllowList } from "@/lib/auth/allow-list";
import { assertLoopbackUrl } from "@/lib/fal/emulator-route";

/**
 * The one place that reads the server's environment. Everything else asks `serverEnv()`,
 * so a misconfiguration is reported once, by name, instead of failing deep inside a request.
 */
const optional = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined);

const schema = z.object({
  AUTH_SECRET: optional,
  NEXTAUTH_SECRET: optional,
  FAL_KEY: optional,
  FAL_KEY_ID: optional,
  FAL_KEY_SECRET: optional,
  FAL_EMULATOR_URL: optional,
  AUTH_ALLOWED_EMAILS: optional,
  AUTH_GITHUB_ID: optional,
  AUTH_GITHUB_SECRET: optional,
  AUTH_OIDC_ISSUER: optional,
  AUTH_OIDC_ID: optional,
  AUTH_OIDC_SECRET: optional,
  AUTH_OIDC_NAME: optional,
});

export type OAuthClient = { clientId: string; clientSecret: string };

export type ServerEnv = {
  /** The value of the upstream `Authorization: Key …` header, or undefined when unset. */
  falKey: string | undefined;
  emulatorUrl: URL | undefined;
  allowList: AllowList;
  github: OAuthClient | undefined;
  oidc: (OAuthClient & { issuer: string; name: string }) | undefined;
};

type Source = Record<string, string | undefined>;

/** Variables that only work together: their values, or a problem naming the missing one. */
function pair(env: Source, a: string, b: string, problems: string[]) {
  const [first, second] = [env[a], env[b]];
  if (first && second) return { first, second };
  if (first || second) problems.push(`${first ? b : a} must be set together with ${first ? a : b}`);
  return undefined;
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
  if (!env.AUTH_SECRET && !env.NEXTAUTH_SECRET) {
    problems.push(
      "AUTH_SECRET is not set: make one with `npx auth secret` or `openssl rand -base64 32`",
    );
  }
  const keyPair = pair(env, "FAL_KEY_ID", "FAL_KEY_SECRET", problems);
  const github = pair(env, "AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET", problems);
  const oidc = pair(env, "AUTH_OIDC_ID", "AUTH_OIDC_SECRET", problems);
  if (Boolean(oidc) !== Boolean(env.AUTH_OIDC_ISSUER)) {
    problems.push("AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET must be set together");
  }
  const allowList = attempt(() => parseAllowList(env.AUTH_ALLOWED_EMAILS));
  const emulatorUrl = attempt(() =>
    env.FAL_EMULATOR_URL ? assertLoopbackUrl(env.FAL_EMULATOR_URL) : undefined,
  );

  if (problems.length > 0 || !allowList) {
    throw new Error(`Invalid server environment:\n- ${problems.join("\n- ")}`);
  }
  return {
    falKey: env.FAL_KEY ?? (keyPair && `${keyPair.first}:${keyPair.second}`),
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
  };
}

let cached: ServerEnv | undefined;

/** Parsed lazily: `next build` imports server modules without the runtime environment. */
export function serverEnv(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}

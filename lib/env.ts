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

/** Pairs of variables that only work together: name the one that is missing. */
function requirePair(env: Source, a: string, b: string, problems: string[]): boolean {
  const hasA = Boolean(env[a]);
  const hasB = Boolean(env[b]);
  if (hasA !== hasB) problems.push(`${hasA ? b : a} must be set together with ${hasA ? a : b}`);
  return hasA && hasB;
}

export function parseServerEnv(source: Source): ServerEnv {
  const env = schema.parse(source);
  const problems: string[] = [];

  const hasKeyPair = requirePair(env, "FAL_KEY_ID", "FAL_KEY_SECRET", problems);
  const falKey =
    env.FAL_KEY ?? (hasKeyPair ? `${env.FAL_KEY_ID}:${env.FAL_KEY_SECRET}` : undefined);

  const hasGithub = requirePair(env, "AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET", problems);
  const hasOidcClient = requirePair(env, "AUTH_OIDC_ID", "AUTH_OIDC_SECRET", problems);
  if (hasOidcClient !== Boolean(env.AUTH_OIDC_ISSUER)) {
    problems.push("AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET must be set together");
  }

  const attempt = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      problems.push((error as Error).message);
      return undefined;
    }
  };
  const allowList = attempt(() => parseAllowList(env.AUTH_ALLOWED_EMAILS));
  const emulatorUrl = env.FAL_EMULATOR_URL
    ? attempt(() => assertLoopbackUrl(env.FAL_EMULATOR_URL as string))
    : undefined;

  if (problems.length > 0 || !allowList) {
    throw new Error(`Invalid server environment:\n- ${problems.join("\n- ")}`);
  }
  return {
    falKey,
    emulatorUrl,
    allowList,
    github:
      hasGithub && env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET
        ? { clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }
        : undefined,
    oidc:
      hasOidcClient && env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET
        ? {
            issuer: env.AUTH_OIDC_ISSUER,
            clientId: env.AUTH_OIDC_ID,
            clientSecret: env.AUTH_OIDC_SECRET,
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

import "server-only";
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import type { ServerEnv } from "@/lib/env";
import { githubProfileWithVerifiedEmail } from "./github-email";

export type ProviderSummary = { id: string; name: string };

/** Providers are switched on by their environment variables; none configured is a valid state. */
export function configuredProviders(env: ServerEnv): Provider[] {
  const providers: Provider[] = [];
  if (env.github) {
    // Auth.js deep-merges these options over the provider's own: only `request` is replaced.
    providers.push(
      GitHub({ ...env.github, userinfo: { request: githubProfileWithVerifiedEmail } }),
    );
  }
  if (env.oidc) {
    const { name, issuer, clientId, clientSecret } = env.oidc;
    providers.push({ id: "oidc", name, type: "oidc", issuer, clientId, clientSecret });
  }
  return providers;
}

export function providerSummaries(env: ServerEnv): ProviderSummary[] {
  return [
    ...(env.github ? [{ id: "github", name: "GitHub" }] : []),
    ...(env.oidc ? [{ id: "oidc", name: env.oidc.name }] : []),
  ];
}

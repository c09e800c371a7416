import "server-only";
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import type { ServerEnv } from "@/lib/env";

export type ProviderSummary = { id: string; name: string };

/** Providers are switched on by their environment variables; none configured is a valid state. */
export function configuredProviders(env: ServerEnv): Provider[] {
  const providers: Provider[] = [];
  if (env.github) providers.push(GitHub(env.github));
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

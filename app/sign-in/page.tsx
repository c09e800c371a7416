import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { ProviderButtons } from "@/components/auth/provider-buttons";
import { accessOf } from "@/lib/auth/access";
import { providerSummaries } from "@/lib/auth/providers";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { serverEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

const setupVariables = [
  ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET"],
  ["AUTH_OIDC_ISSUER", "AUTH_OIDC_ID", "AUTH_OIDC_SECRET"],
] as const;

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string | string[] }>;
}) {
  if (accessOf(await auth()).status !== "signed-out") redirect("/");
  const error = signInErrorMessage((await searchParams).error);
  const providers = providerSummaries(serverEnv());

  return (
    <section className="card mx-auto max-w-sm space-y-6">
      <div className="space-y-2">
        <h1 className="text-xl font-semibold">Sign in</h1>
        <p className="text-sm text-muted">
          Sign in to make and edit images. Your history stays with your account on this browser.
        </p>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {providers.length > 0 ? (
        <ProviderButtons providers={providers} />
      ) : (
        <div className="space-y-3 text-sm">
          <p>
            This app has no way to sign in yet. If you run it, set one of these groups of variables:
          </p>
          <ul className="space-y-2">
            {setupVariables.map((group) => (
              <li key={group[0]} className="font-mono text-xs">
                {group.join(", ")}
              </li>
            ))}
          </ul>
          <p>
            Put them in <code>.env.local</code> and restart the server, or run{" "}
            <code>npm run demo</code> for a local sign-in with no account.
          </p>
        </div>
      )}
    </section>
  );
}

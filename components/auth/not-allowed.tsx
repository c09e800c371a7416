import type { ForbiddenReason, SessionUser } from "@/lib/auth/access";
import { providerSummaries } from "@/lib/auth/providers";
import { providerOfUserId } from "@/lib/auth/user-id";
import { serverEnv } from "@/lib/env";

/** Why a signed-in user may not generate, and what they can do about it. */
export function NotAllowed({ user, reason }: { user: SessionUser; reason: ForbiddenReason }) {
  if (reason === "unverified") {
    const providerId = providerOfUserId(user.id);
    const provider =
      providerSummaries(serverEnv()).find(({ id }) => id === providerId)?.name ??
      "Your sign-in provider";
    return (
      <section className="card mx-auto max-w-lg space-y-3">
        <h1 className="text-xl font-semibold">This email address is not verified</h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          {user.email ? (
            <>
              {provider} has not verified <strong>{user.email}</strong>, so this app cannot tell
              that the address is yours.
            </>
          ) : (
            <>{provider} has no verified email address for this account.</>
          )}{" "}
          Verify your email address there, then sign out and sign in again.
        </p>
      </section>
    );
  }
  return (
    <section className="card mx-auto max-w-lg space-y-3">
      <h1 className="text-xl font-semibold">This account is not allowed here</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        You are signed in as <strong>{user.email ?? user.name}</strong>, which is not on this
        app&apos;s list of allowed users. Ask its owner to add you to{" "}
        <code>AUTH_ALLOWED_EMAILS</code>, or sign out and use another account.
      </p>
    </section>
  );
}

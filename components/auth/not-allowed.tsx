import type { ReactNode } from "react";
import type { ForbiddenReason, SessionUser } from "@/lib/auth/access";
import { providerSummaries } from "@/lib/auth/providers";
import { providerOfUserId } from "@/lib/auth/user-id";
import { serverEnv } from "@/lib/env";
import { signOutToHome } from "./actions";

function NotAllowedCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card mx-auto max-w-lg space-y-4">
      <h1 className="text-xl font-semibold">{title}</h1>
      {children}
      <form action={signOutToHome}>
        <button type="submit" className="btn-secondary">
          Sign out
        </button>
      </form>
    </section>
  );
}

/** Why a signed-in user may not generate, and what they can do about it. */
export function NotAllowed({ user, reason }: { user: SessionUser; reason: ForbiddenReason }) {
  if (reason === "unverified") {
    const providerId = providerOfUserId(user.id);
    const provider =
      providerSummaries(serverEnv()).find(({ id }) => id === providerId)?.name ??
      "Your sign-in provider";
    return (
      <NotAllowedCard title="This email address is not verified">
        <p className="text-muted">
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
      </NotAllowedCard>
    );
  }
  return (
    <NotAllowedCard title="This account is not allowed here">
      <p className="text-muted">
        You are signed in as <strong>{user.email ?? user.name}</strong>, which is not on this
        app&apos;s list of people who may use it. Ask the person who runs the app to add you, or
        sign out and use another account.
      </p>
      <p className="text-sm text-muted">
        Running this app yourself? Add the address to <code>AUTH_ALLOWED_EMAILS</code>.
      </p>
    </NotAllowedCard>
  );
}

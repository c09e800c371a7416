import NextAuth from "next-auth";
import { logAuthError } from "@/lib/auth/auth-log";
import { configuredProviders } from "@/lib/auth/providers";
import { signInClaims } from "@/lib/auth/session-claims";
import { sessionUserFromToken } from "@/lib/auth/session-token";
import { stableUserId } from "@/lib/auth/user-id";
import { serverEnv } from "@/lib/env";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      name?: string | null;
      email?: string | null;
      image?: string | null;
      /** Whether the provider vouched for `email`; the allow-list only trusts vouched ones. */
      emailVerified?: boolean;
      /** Seconds since the epoch. Missing or null (a token from before sign-in times were
       * recorded) counts as expired. */
      signedInAt?: number | null;
    };
  }
}

// A function, so the environment is read on the first request rather than at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = serverEnv();
  return {
    providers: configuredProviders(env),
    // The cookie never outlives the sign-in; the sign-in's own limit is `signedInAt`, which
    // refreshes do not move (lib/auth/access.ts).
    session: { strategy: "jwt", maxAge: env.sessionMaxAgeSeconds },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    logger: { error: logAuthError },
    callbacks: {
      jwt({ token, account, profile }) {
        // `account` is only given at sign-in; a refresh passes the token through unchanged.
        if (account) Object.assign(token, { sub: stableUserId(account), ...signInClaims(profile) });
        return token;
      },
      session({ session, token }) {
        // The proxy reads the same user straight from the token (lib/auth/session-token.ts).
        return { ...session, user: sessionUserFromToken(token) };
      },
    },
  };
});

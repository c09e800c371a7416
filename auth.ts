import NextAuth from "next-auth";
import { configuredProviders } from "@/lib/auth/providers";
import { sessionUserFromToken, warnSessionCookieRefused } from "@/lib/auth/session-token";
import { stableUserId } from "@/lib/auth/user-id";
import { serverEnv } from "@/lib/env";

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; image?: string | null };
  }
}

// A function, so the environment is read on the first request rather than at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  providers: configuredProviders(serverEnv()),
  session: { strategy: "jwt" },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: {
    error(error) {
      // `type`, not `name`: class names do not survive minification.
      if ((error as { type?: string }).type === "JWTSessionError") {
        warnSessionCookieRefused(error.cause);
      } else {
        console.error(error);
      }
    },
  },
  callbacks: {
    jwt({ token, account }) {
      if (account) token.sub = stableUserId(account);
      return token;
    },
    session({ session, token }) {
      // The proxy reads the same user straight from the token (lib/auth/session-token.ts).
      return { ...session, user: sessionUserFromToken(token) };
    },
  },
}));

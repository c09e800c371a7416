import NextAuth from "next-auth";
import { configuredProviders } from "@/lib/auth/providers";
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
    // A forged or stale session cookie is a visitor's doing, not a server fault: one line,
    // no stack, so nobody can fill the log with traces by sending bad cookies.
    error(error) {
      // `type`, not `name`: class names do not survive minification.
      if ((error as { type?: string }).type === "JWTSessionError") {
        console.warn(
          `auth: session cookie refused (${error.cause instanceof Error ? error.cause.message : "invalid"})`,
        );
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
      session.user.id = token.sub ?? "";
      return session;
    },
  },
}));

import "server-only";
import { type AllowList, isEmailAllowed } from "@/lib/auth/allow-list";
import { signInExpiresAt } from "@/lib/auth/session-claims";
import {
  createSessionTokenReader,
  type HeaderReader,
  type SessionTokenReader,
  type SessionUser,
} from "@/lib/auth/session-token";
import { serverEnv } from "@/lib/env";

export type { SessionUser };

/** Why a signed-in user may not use fal: their provider has not verified the email, or it
 * is not on `AUTH_ALLOWED_EMAILS`. */
export type ForbiddenReason = "unverified" | "not-listed";

export type Access =
  | { status: "signed-out"; reason?: "expired" }
  | { status: "forbidden"; reason: ForbiddenReason; user: SessionUser }
  | { status: "allowed"; user: SessionUser };

/** Who sends a request, and may they use fal: read from its headers (the session cookie). */
export type IdentifyCaller = (request: { headers: HeaderReader }) => Promise<Access>;

export type AccessPolicy = { allowList: AllowList; sessionMaxAgeSeconds: number };

export function decideAccess(
  user: SessionUser | null | undefined,
  { allowList, sessionMaxAgeSeconds }: AccessPolicy,
  now = Date.now(),
): Access {
  if (!user?.id) return { status: "signed-out" };
  if (now >= signInExpiresAt(user.signedInAt, sessionMaxAgeSeconds)) {
    return { status: "signed-out", reason: "expired" };
  }
  if (allowList.kind === "anyone") return { status: "allowed", user };
  // Checked before the list, so an unverified address cannot probe who is on it.
  if (user.emailVerified !== true) return { status: "forbidden", reason: "unverified", user };
  return isEmailAllowed(allowList, user.email)
    ? { status: "allowed", user }
    : { status: "forbidden", reason: "not-listed", user };
}

/**
 * Who is asking, and may they use fal? For a page, from the session Auth.js gives it:
 * `accessOf(await auth())`. (This module does not import `auth.ts`, which imports it.)
 */
export function accessOf(session: { user?: SessionUser } | null): Access {
  return decideAccess(session?.user, serverEnv());
}

let readSessionToken: SessionTokenReader | undefined;

/**
 * The same decision for the fal proxy, which every status call goes through: the session
 * cookie is decrypted once and its user remembered for up to a minute, the allow-list and the
 * sign-in's lifetime are applied on every call, and the cookie is never re-issued.
 */
export const identifyProxyCaller: IdentifyCaller = async (request) => {
  const env = serverEnv();
  readSessionToken ??= createSessionTokenReader({
    secret: env.authSecret,
    authUrl: env.authUrl,
    sessionMaxAgeSeconds: env.sessionMaxAgeSeconds,
  });
  return decideAccess(await readSessionToken(request.headers), env);
};

/** What `createRouteHandler` hands its `isAuthenticated`: the request's headers, one at a time. */
type LibraryCaller = { getHeader(name: string): string | string[] | null | undefined };

/**
 * A session-based `isAuthenticated` for `createRouteHandler`: whether the caller's session
 * cookie is an allowed user's, by `identify` (the guard's own check, cached per cookie).
 */
export function sessionAdmission(identify: IdentifyCaller) {
  return async (caller: LibraryCaller): Promise<boolean> => {
    const cookie = caller.getHeader("cookie");
    // The cookie alone, as the guard read it (a `Headers` would cost more than the check).
    const headers: HeaderReader = {
      get: (name) => (name === "cookie" && typeof cookie === "string" ? cookie : null),
    };
    return (await identify({ headers })).status === "allowed";
  };
}

/** For the route's `createRouteHandler`: only a signed-in, allowed user's call reaches fal. */
export const isAllowedCaller = sessionAdmission(identifyProxyCaller);

import "server-only";
import { auth } from "@/auth";
import { type AllowList, isEmailAllowed } from "@/lib/auth/allow-list";
import {
  createSessionTokenReader,
  type SessionTokenReader,
  type SessionUser,
} from "@/lib/auth/session-token";
import { serverEnv } from "@/lib/env";

export type { SessionUser };

export type Access =
  | { status: "signed-out" }
  | { status: "forbidden"; user: SessionUser }
  | { status: "allowed"; user: SessionUser };

export function decideAccess(user: SessionUser | null | undefined, allowList: AllowList): Access {
  if (!user?.id) return { status: "signed-out" };
  return isEmailAllowed(allowList, user.email)
    ? { status: "allowed", user }
    : { status: "forbidden", user };
}

/** Who is asking, and may they use fal? Pages call this for themselves, through Auth.js. */
export async function getAccess(): Promise<Access> {
  return decideAccess((await auth())?.user, serverEnv().allowList);
}

let readSessionToken: SessionTokenReader | undefined;

/**
 * The same decision for the fal proxy, which every status call goes through: the session
 * cookie is decrypted once and its user remembered for up to a minute, the allow-list is
 * applied on every call, and the cookie is never re-issued.
 */
export async function identifyProxyCaller(request: Request): Promise<Access> {
  const { authSecret, authUrl, allowList } = serverEnv();
  readSessionToken ??= createSessionTokenReader({ secret: authSecret, authUrl });
  return decideAccess(await readSessionToken(request.headers), allowList);
}

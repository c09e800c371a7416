import "server-only";
import type { Session } from "next-auth";
import { auth } from "@/auth";
import { type AllowList, isEmailAllowed } from "@/lib/auth/allow-list";
import { serverEnv } from "@/lib/env";

export type SessionUser = Session["user"];

export type Access =
  | { status: "signed-out" }
  | { status: "forbidden"; user: SessionUser }
  | { status: "allowed"; user: SessionUser };

export function decideAccess(session: Session | null, allowList: AllowList): Access {
  const user = session?.user;
  if (!user?.id) return { status: "signed-out" };
  return isEmailAllowed(allowList, user.email)
    ? { status: "allowed", user }
    : { status: "forbidden", user };
}

/** Who is asking, and may they use fal? Pages and route handlers each call this for themselves. */
export async function getAccess(): Promise<Access> {
  return decideAccess(await auth(), serverEnv().allowList);
}

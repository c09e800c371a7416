import { randomUUID } from "node:crypto";
import { type Browser, request } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { allowedTestDomain, appUrl, e2eSecrets } from "./e2e-env";

const cookieName = "authjs.session-token";

export type TestUser = { id: string; email: string; name: string };

/**
 * Whom a minted cookie signs in. As the app's `jwt` callback would stamp them: the email is
 * verified and the sign-in happened now, unless `emailVerified` or `signedInAt` (seconds since
 * the epoch) say otherwise.
 */
export type MintedUser = {
  id?: string;
  email: string;
  name: string;
  emailVerified?: boolean;
  signedInAt?: number;
};

/** A `signedInAt` `days` ago. */
export function daysAgo(days: number): number {
  return Math.floor(Date.now() / 1000) - days * 86_400;
}

/** A user nobody has used yet, inside the allow-list: their limits start at zero. */
export function freshTestUser(label: string): TestUser {
  const id = randomUUID();
  return { id: `e2e:${id}`, email: `${label}-${id}@${allowedTestDomain}`, name: label };
}

/**
 * The session cookie Auth.js would set for `user`, minted with the test AUTH_SECRET, for
 * people the local provider does not know. An attacker, lacking the secret, cannot do this.
 */
export async function sessionCookie(user: MintedUser, secret = e2eSecrets.authSecret) {
  const token = await encode({
    token: {
      sub: user.id ?? `minted-${user.email}`,
      email: user.email,
      name: user.name,
      emailVerified: user.emailVerified ?? true,
      signedInAt: user.signedInAt ?? daysAgo(0),
    },
    secret,
    salt: cookieName,
  });
  return { name: cookieName, value: token };
}

/** The `Cookie` header value of `user`'s session. */
export async function cookieHeader(user: Parameters<typeof sessionCookie>[0], secret?: string) {
  const { name, value } = await sessionCookie(user, secret);
  return `${name}=${value}`;
}

/** A fresh browser context (empty cache) signed in as `user` on the app at `url`. */
export async function browserSignedInAs(
  browser: Browser,
  user: Parameters<typeof sessionCookie>[0],
  { secret, url = appUrl }: { secret?: string; url?: string } = {},
) {
  const context = await browser.newContext();
  await context.addCookies([{ ...(await sessionCookie(user, secret)), url, httpOnly: true }]);
  return context;
}

/**
 * An API client signed in as `user` on any app instance (the cookie goes in every request);
 * with another `secret`, a forger's client.
 */
export async function apiSignedInAs(user: Parameters<typeof sessionCookie>[0], secret?: string) {
  return request.newContext({
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { cookie: await cookieHeader(user, secret) },
  });
}

import "server-only";
import { LRUCache } from "lru-cache";
import type { Session } from "next-auth";
import { decode, getToken, type JWT } from "next-auth/jwt";
import { signInExpiresAt } from "./session-claims";

export type SessionUser = Session["user"];

/** What the session check reads of a request: its headers, by name. */
export type HeaderReader = Pick<Headers, "get">;

/** Reads the Auth.js session of a request from its cookie alone: the signed-in user, or null. */
export type SessionTokenReader = (headers: HeaderReader) => Promise<SessionUser | null>;

export type SessionTokenReaderOptions = {
  /** `AUTH_SECRET`: the key Auth.js encrypts the session cookie with. */
  secret: string;
  /** `AUTH_URL`, when set: its scheme decides the cookie's name, as it does for Auth.js. */
  authUrl?: string;
  /** `AUTH_SESSION_MAX_AGE`: a user is not remembered past their sign-in's absolute expiry. */
  sessionMaxAgeSeconds: number;
  /** How many distinct session cookies to remember. */
  maxEntries?: number;
  /** How long a verified cookie is trusted without decrypting it again. */
  maxAgeMs?: number;
  now?: () => number;
};

/** A cached token is dropped this long before it expires, so a request never rides on a
 * token that expires while it runs. */
const expiryMarginMs = 5_000;

/** The user Auth.js puts in the session for this token (see the `session` callback in auth.ts). */
export function sessionUserFromToken(token: JWT): SessionUser {
  return {
    id: token.sub ?? "",
    name: token.name ?? null,
    email: token.email ?? null,
    image: token.picture ?? null,
    emailVerified: token.emailVerified === true,
    signedInAt: typeof token.signedInAt === "number" ? token.signedInAt : null,
  };
}

/**
 * A forged or stale session cookie is a visitor's doing, not a server fault: one line, no
 * stack, so nobody can fill the log with traces by sending bad cookies.
 */
export function warnSessionCookieRefused(reason: unknown): void {
  console.warn(
    `auth: session cookie refused (${reason instanceof Error ? reason.message : "invalid"})`,
  );
}

/**
 * Auth.js's own rule (`createActionURL`): the base URL is `AUTH_URL`, else the forwarded
 * scheme, else https; on https the cookie carries the `__Secure-` prefix.
 */
export function sessionCookieName(headers: HeaderReader, authUrl: string | undefined): string {
  const scheme = authUrl
    ? new URL(authUrl).protocol
    : (headers.get("x-forwarded-proto") ?? "https");
  const secure = scheme.replace(/:$/, "") === "https";
  return `${secure ? "__Secure-" : ""}authjs.session-token`;
}

/** The byte budget of the remembered cookie headers (a header may be up to 16 KiB). */
const maxCachedBytes = 8 * 1024 * 1024;

/**
 * The session check of the proxy, which every status poll and stream pays for. Decrypting
 * the cookie (what `auth()` does) costs milliseconds, so each distinct cookie header is
 * decrypted once and its user remembered until shortly before the token expires, never past
 * the sign-in's absolute expiry, and never longer than `maxAgeMs`. The key is the whole
 * `Cookie` header, so a remembered call costs one map lookup: no cookie parsing, no chunk
 * reassembly. Unlike `auth()`, it only reads: it never re-issues the session cookie. Tampered,
 * expired and foreign tokens fail to decrypt and are not remembered. Whether the sign-in is
 * still current is decided on every call, by `decideAccess`, from the user's `signedInAt`.
 */
export function createSessionTokenReader({
  secret,
  authUrl,
  sessionMaxAgeSeconds,
  maxEntries = 5_000,
  maxAgeMs = 60_000,
  now = Date.now,
}: SessionTokenReaderOptions): SessionTokenReader {
  const verified = new LRUCache<string, { user: SessionUser; until: number }>({
    max: maxEntries,
    maxSize: maxCachedBytes,
    sizeCalculation: (_, key) => key.length * 2,
  });
  // With AUTH_URL the name never changes; without, it follows each request's scheme.
  const fixedName = authUrl ? sessionCookieName(new Headers(), authUrl) : undefined;

  return async (headers) => {
    const cookieName = fixedName ?? sessionCookieName(headers, authUrl);
    const cookie = headers.get("cookie");
    if (!cookie) return null;
    // The name too: it is the key's salt, so the same value under another name is another token.
    const cacheKey = `${cookieName}\n${cookie}`;
    const cached = verified.get(cacheKey);
    if (cached && now() < cached.until) return cached.user;

    // The cookie only: `getToken` would also take a Bearer token from `Authorization`. `raw`
    // reassembles a cookie Auth.js split into chunks, without decrypting it.
    const cookieOnly = new Headers({ cookie });
    const raw = await getToken({ req: { headers: cookieOnly }, cookieName, secret, raw: true });
    if (!raw) return null;
    const token = await decode({ token: raw, secret, salt: cookieName }).catch((error: unknown) => {
      warnSessionCookieRefused(error);
      return null;
    });
    if (!token?.sub) {
      verified.delete(cacheKey);
      return null;
    }
    const user = sessionUserFromToken(token);
    const expiresAt = typeof token.exp === "number" ? token.exp * 1000 : Number.POSITIVE_INFINITY;
    const until = Math.min(
      now() + maxAgeMs,
      expiresAt - expiryMarginMs,
      signInExpiresAt(user.signedInAt, sessionMaxAgeSeconds),
    );
    if (until > now()) verified.set(cacheKey, { user, until });
    return user;
  };
}

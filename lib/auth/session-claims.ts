import "server-only";
import type { Profile } from "next-auth";

declare module "next-auth/jwt" {
  interface JWT {
    /** Whether the provider vouched for `email` at sign-in. */
    emailVerified?: boolean;
    /** When the user signed in, in seconds since the epoch; a refresh keeps it. */
    signedInAt?: number;
  }
}

/**
 * What the session token records at sign-in and keeps through every refresh. An OpenID Connect
 * provider says `email_verified` in its claims (GitHub's profile says it too, see
 * github-email.ts); anything but `true` counts as unverified.
 */
export function signInClaims(profile: Profile | undefined, now = Date.now()) {
  return {
    emailVerified: profile?.email_verified === true,
    signedInAt: Math.floor(now / 1000),
  };
}

/**
 * When a sign-in stops counting, in milliseconds since the epoch, however often the session was
 * refreshed. A token without a sign-in time was made before the lifetime existed, or not by
 * this app: it counts as expired.
 */
export function signInExpiresAt(signedInAt: number | null | undefined, maxAgeSeconds: number) {
  return typeof signedInAt === "number" && Number.isFinite(signedInAt)
    ? (signedInAt + maxAgeSeconds) * 1000
    : Number.NEGATIVE_INFINITY;
}

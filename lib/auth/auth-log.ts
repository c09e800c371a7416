import "server-only";
import type { AuthError } from "next-auth";
import { warnSessionCookieRefused } from "./session-token";

/**
 * Auth.js errors a visitor causes with a crafted or stale request: the ones Auth.js itself
 * treats as the client's (its `isClientError`, which it does not export), and three it hides
 * behind "Configuration" although a request alone causes them (a missing PKCE or state cookie,
 * an unknown action, a foreign callback URL). Typed, so a renamed type fails the build.
 */
const visitorErrorTypes: readonly AuthError["type"][] = [
  "AccessDenied",
  "OAuthCallbackError",
  "OAuthAccountNotLinked",
  "AccountNotLinked",
  "Verification",
  "MissingCSRF",
  "CredentialsSignin",
  "WebAuthnVerificationError",
  "InvalidCheck",
  "UnknownAction",
  "InvalidCallbackUrl",
];
const visitorErrors: ReadonlySet<string> = new Set(visitorErrorTypes);

/** Auth.js's messages can carry request text (a path): printable ASCII, bounded. */
function oneLine(text: string): string {
  return text.replace(/[^\x20-\x7e]+/g, " ").slice(0, 300);
}

/**
 * Auth.js's `logger.error`. What a visitor can cause gets one line without a stack, so nobody
 * fills the log with traces by sending bad requests; anything else is a server fault and is
 * logged in full.
 */
export function logAuthError(error: Error): void {
  // `type`, not `name` or `instanceof`: class names do not survive minification.
  const type = (error as { type?: unknown }).type;
  if (type === "JWTSessionError") {
    warnSessionCookieRefused(error.cause);
  } else if (typeof type === "string" && visitorErrors.has(type)) {
    console.warn(`auth: request refused (${type}: ${oneLine(error.message)})`);
  } else {
    console.error(error);
  }
}

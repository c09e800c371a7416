import "server-only";
import type { AuthError } from "next-auth";

/**
 * What `/sign-in?error=` says. Auth.js v5 puts only a few codes in that URL: the errors it
 * deems safe to show (the rest become "Configuration"), plus the app's own "UnknownProvider".
 * Anyone can link to the page with any value, so the parameter itself is never shown.
 */
const messages: Partial<Record<AuthError["type"] | "Configuration" | "UnknownProvider", string>> = {
  Configuration:
    "Sign-in is not working because of a problem on the server. Try again later, or tell the app's owner.",
  AccessDenied: "You did not give this app access, so you are not signed in.",
  OAuthCallbackError:
    "The sign-in provider did not complete the sign-in. Try again, and approve access when it asks.",
  OAuthAccountNotLinked:
    "This email address is already used with another sign-in method. Use that one.",
  AccountNotLinked: "This email address is already used with another sign-in method. Use that one.",
  MissingCSRF: "The sign-in form expired. Try again.",
  Verification: "The sign-in link is no longer valid. It may have been used already or expired.",
  CredentialsSignin: "Those sign-in details were not accepted. Try again.",
  UnknownProvider: "That sign-in method is not available here. Choose one below.",
};

export const genericSignInError = "Sign-in did not complete. Try again.";

/** A fixed sentence for `code`, or undefined when there is no error to show. */
export function signInErrorMessage(code: string | string[] | undefined): string | undefined {
  if (code === undefined) return undefined;
  const key = Array.isArray(code) ? code[0] : code;
  // `Object.hasOwn`: `?error=constructor` must not find Object's own properties.
  return key !== undefined && Object.hasOwn(messages, key)
    ? (messages[key as keyof typeof messages] ?? genericSignInError)
    : genericSignInError;
}

import "server-only";
import type { Access } from "@/lib/auth/access";
import { AppError } from "@/lib/errors/app-error";

/**
 * The user id of a caller who may use fal, or the refusal to send (401 signed out or expired,
 * 403 unverified or not listed): for every route that spends the owner's credit.
 */
export function allowedUserId(access: Access): string {
  if (access.status === "signed-out") {
    throw new AppError(
      "unauthenticated",
      401,
      access.reason === "expired"
        ? "Your session has expired. Sign in again to generate images."
        : "You are signed out. Sign in again to generate images.",
    );
  }
  if (access.status === "forbidden") {
    const who = access.user.email ?? "This account";
    throw new AppError(
      "forbidden",
      403,
      access.reason === "unverified"
        ? `${who} is not a verified email address at your sign-in provider, so it is not allowed to use this app. Verify it there and sign in again.`
        : `${who} is not allowed to use this app.`,
    );
  }
  return access.user.id;
}

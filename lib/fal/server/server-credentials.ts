import "server-only";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";

/** The server's fal key (`FAL_KEY`, or `FAL_KEY_ID:FAL_KEY_SECRET`), or a refusal naming it. */
export function falKey(): string {
  const key = serverEnv().falKey;
  if (!key) {
    throw new AppError(
      "fal_key_missing",
      // 500, not 503: the fal client retries 503, and a missing key does not fix itself.
      500,
      "The server has no fal key: set FAL_KEY (or FAL_KEY_ID and FAL_KEY_SECRET) and restart it.",
    );
  }
  return key;
}

/**
 * The upstream `Authorization` header. Always the server's own key, never the caller's
 * header: the library's default would forward a browser-supplied `Authorization` to fal.
 */
export function falAuthorization(): string {
  return `Key ${falKey()}`;
}

import "server-only";
import { AppError } from "@/lib/errors/app-error";

/** The limits or ownership store failed: refuse (fail closed) rather than run unmetered. */
export function storeUnavailable(cause: unknown): AppError {
  console.error("fal proxy: store unavailable:", cause instanceof Error ? cause.message : cause);
  return new AppError(
    "store_unavailable",
    // 500, not 503: the fal client retries a 503 three times, which would only add load.
    500,
    "The server cannot check its usage limits right now. Try again shortly.",
  );
}

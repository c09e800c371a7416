import "server-only";
import { AppError } from "@/lib/errors/app-error";

/**
 * fal's client retries a 504 on queue calls (up to 3 times, whatever `fal.config` says)
 * unless this header says the timeout was the caller's choice: each retry would wait `ms`
 * again, and "did not answer within 30 s" would reach the user minutes later.
 */
const noRetry = { "x-fal-request-timeout-type": "user" };

/**
 * Waits for fal's response headers at most `ms`. The library's fetch takes no signal, so a
 * response that arrives after the deadline is cancelled instead, to free its connection.
 */
export async function withUpstreamTimeout(
  pending: Promise<Response>,
  ms: number,
): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      pending.then((late) => late.body?.cancel()).catch(() => undefined);
      reject(
        new AppError(
          "upstream_timeout",
          504,
          `fal did not answer within ${ms / 1000} s. Try again.`,
          { headers: noRetry },
        ),
      );
    }, ms);
  });
  try {
    return await Promise.race([pending, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

import "server-only";
import { AppError } from "@/lib/errors/app-error";

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

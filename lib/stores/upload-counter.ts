import "server-only";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors/app-error";
import { nextUtcMidnight, secondsUntilReset, utcDay } from "./budget-day";
import { storeUnavailable } from "./store-errors";

/** A counted upload; given back when fal did not start it (it answered 5xx). */
export type UploadCharge = { refund(): Promise<void> };

export type UploadCounter = { charge(userId: string): Promise<UploadCharge> };

/**
 * How many uploads each user may start per UTC day, the same day the budgets keep. In memory
 * for one instance; in Redis (atomic, shared by every instance) when a client is given. While
 * the store is unreachable, uploads are refused (fail closed), as runs are.
 */
export function createUploadCounter(
  limits: { perDay: number },
  redis?: Redis,
  now: () => number = Date.now,
): UploadCounter {
  // The day is part of the key, so each day starts from zero at midnight UTC on every instance.
  const options = { points: limits.perDay, duration: 86_400, keyPrefix: "fal-proxy:uploads" };
  const limiter = redis
    ? new RateLimiterRedis({ ...options, storeClient: redis })
    : new RateLimiterMemory(options);

  return {
    async charge(userId) {
      const at = now();
      const key = `${utcDay(at)}:${userId}`;
      // The key lives until the day ends (and a minute more, for a late refund).
      const customDuration = secondsUntilReset(at) + 60;
      try {
        await limiter.consume(key, 1, { customDuration });
      } catch (outcome) {
        if (!(outcome instanceof RateLimiterRes)) throw storeUnavailable(outcome);
        // A refused attempt counted too: undo it, so the count is what fal was asked for.
        await limiter.reward(key, 1, { customDuration }).catch(() => undefined);
        throw uploadLimitReached(limits.perDay, at);
      }
      let refunded = false;
      return {
        async refund() {
          if (refunded) return;
          refunded = true;
          await limiter.reward(key, 1, { customDuration }).catch((error: unknown) => {
            console.error(
              "fal proxy: upload not refunded:",
              error instanceof Error ? error.message : error,
            );
          });
        },
      };
    },
  };
}

function uploadLimitReached(perDay: number, at: number): AppError {
  return new AppError(
    "upload_limit_reached",
    429,
    `You can upload ${perDay} ${perDay === 1 ? "image" : "images"} a day, and today's are used up. The count starts again at midnight UTC.`,
    {
      headers: { "Retry-After": String(secondsUntilReset(at)) },
      retryAt: nextUtcMidnight(at),
    },
  );
}

import "server-only";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors/app-error";
import { storeUnavailable } from "./store-errors";

/** Counts a user's status, status stream, result and cancel calls; refuses past the rate. */
export type ReadLimiter = { charge(userId: string): Promise<void> };

/**
 * A per-user rate on read calls, so one user cannot spend fal's per-key limits for everyone.
 * In memory for one instance; in Redis (shared, atomic) when a client is given. Reads cost
 * no model time, so nothing is refunded, not even a refused call.
 */
export function createReadLimiter(limits: { perMinute: number }, redis?: Redis): ReadLimiter {
  const options = {
    points: limits.perMinute,
    duration: 60,
    keyPrefix: "fal-proxy:reads-per-minute",
  };
  const limiter = redis
    ? new RateLimiterRedis({ ...options, storeClient: redis })
    : new RateLimiterMemory(options);

  return {
    async charge(userId) {
      try {
        await limiter.consume(userId, 1);
      } catch (outcome) {
        if (outcome instanceof RateLimiterRes) throw readLimitReached(limits.perMinute, outcome);
        throw storeUnavailable(outcome);
      }
    },
  };
}

function readLimitReached(perMinute: number, outcome: RateLimiterRes): AppError {
  const seconds = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
  return new AppError(
    "read_rate_limited",
    429,
    `You can check on your generations ${perMinute} times per minute; that limit is reached.`,
    { headers: { "Retry-After": String(seconds) }, retryAt: new Date(Date.now() + seconds * 1000) },
  );
}

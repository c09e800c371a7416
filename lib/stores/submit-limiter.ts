import "server-only";
import type { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { AppError } from "@/lib/errors/app-error";
import { storeUnavailable } from "./store-errors";

export type SubmitLimits = { perMinute: number; perDay: number };

/**
 * A consumed run. Given back only when fal ran nothing (it answered 5xx), and only into the
 * window it was taken from: a refund after the window rolled over would start the next one
 * below zero, and let more runs through than the limit.
 */
export type SubmitCharge = { refund(): Promise<void> };

export type SubmitLimiter = { charge(userId: string): Promise<SubmitCharge> };

type Window = { limiter: RateLimiterAbstract; per: "minute" | "day"; limit: number };
/** A window's point taken for this run, and when that window ends. */
type Taken = { window: Window; endsAt: number };

/**
 * Per-user limits on model runs, over two windows. In memory for one instance; in Redis
 * (atomic increments, shared by every instance) when a client is given.
 */
export function createSubmitLimiter(
  limits: SubmitLimits,
  redis?: Redis,
  now: () => number = Date.now,
): SubmitLimiter {
  const window = (per: Window["per"], limit: number, duration: number): Window => {
    const options = { points: limit, duration, keyPrefix: `fal-proxy:submits-per-${per}` };
    const limiter = redis
      ? new RateLimiterRedis({ ...options, storeClient: redis })
      : new RateLimiterMemory(options);
    return { limiter, per, limit };
  };
  const windows = [window("minute", limits.perMinute, 60), window("day", limits.perDay, 86_400)];

  return {
    async charge(userId) {
      const taken: Taken[] = [];
      const refund = async () => {
        const open = taken.splice(0).filter(({ endsAt }) => now() < endsAt);
        await Promise.all(open.map(({ window: w }) => w.limiter.reward(userId, 1)));
      };
      for (const w of windows) {
        try {
          const res = await w.limiter.consume(userId, 1);
          taken.push({ window: w, endsAt: now() + res.msBeforeNext });
        } catch (outcome) {
          // A refused attempt counted too: undo it, so the count is what was admitted.
          if (outcome instanceof RateLimiterRes) {
            taken.push({ window: w, endsAt: now() + outcome.msBeforeNext });
          }
          await refund().catch(() => undefined);
          if (outcome instanceof RateLimiterRes) throw limitReached(w, outcome);
          throw storeUnavailable(outcome);
        }
      }
      return { refund };
    },
  };
}

function limitReached(w: Window, outcome: RateLimiterRes): AppError {
  const seconds = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
  return new AppError(
    "rate_limited",
    429,
    `You can start ${w.limit} generations per ${w.per}; that limit is reached.`,
    { headers: { "Retry-After": String(seconds) }, retryAt: new Date(Date.now() + seconds * 1000) },
  );
}

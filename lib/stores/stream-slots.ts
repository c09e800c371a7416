import "server-only";
import type { Redis } from "ioredis";
import { AppError } from "@/lib/errors/app-error";
import { storeUnavailable } from "./store-errors";

/** One open status stream. `release` may be called any number of times: it counts once. */
export type StreamSlot = { release(): Promise<void> };

export type StreamSlots = { acquire(userId: string): Promise<StreamSlot> };

export type StreamSlotLimits = {
  perUser: number;
  /**
   * How long Redis keeps a slot nobody released (an instance that died mid-stream). Every
   * stream is cut at its maximum lifetime, so anything longer than that is never in use.
   */
  leaseMs: number;
};

/**
 * Open status streams per user. The count is shared through Redis when a client is given,
 * as the submit limits are, because a per-instance count caps nothing where instances
 * multiply: on a serverless platform each stream may land on a fresh instance, and fal's
 * limits are per key, whatever instance holds the stream. Sockets and memory are per
 * instance too, and a shared cap bounds them as well (no instance holds more than the cap
 * for one user). In memory, the count dies with the process, as the streams do.
 */
export function createStreamSlots(limits: StreamSlotLimits, redis?: Redis): StreamSlots {
  return redis ? redisSlots(limits, redis) : memorySlots(limits);
}

function memorySlots({ perUser }: StreamSlotLimits): StreamSlots {
  const open = new Map<string, number>();
  return {
    async acquire(userId) {
      const count = open.get(userId) ?? 0;
      if (count >= perUser) throw tooManyStreams(perUser);
      open.set(userId, count + 1);
      return once(async () => {
        const left = (open.get(userId) ?? 1) - 1;
        // Deleted at zero, so users who come and go leave nothing behind.
        if (left > 0) open.set(userId, left);
        else open.delete(userId);
      });
    },
  };
}

/**
 * A sorted set per user: one member per open stream, scored by when its lease ends. Expired
 * leases are dropped, counted and added in one script, so concurrent opens on any number
 * of instances never pass the cap.
 */
const acquireScript = `
redis.call("ZREMRANGEBYSCORE", KEYS[1], "-inf", ARGV[1])
if redis.call("ZCARD", KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call("ZADD", KEYS[1], ARGV[3], ARGV[4])
redis.call("PEXPIRE", KEYS[1], ARGV[5])
return 1
`;

function redisSlots({ perUser, leaseMs }: StreamSlotLimits, redis: Redis): StreamSlots {
  return {
    async acquire(userId) {
      const key = `fal-proxy:streams:${userId}`;
      const member = crypto.randomUUID();
      const now = Date.now();
      let taken: unknown;
      try {
        taken = await redis.eval(
          acquireScript,
          1,
          key,
          now,
          perUser,
          now + leaseMs,
          member,
          leaseMs,
        );
      } catch (error) {
        throw storeUnavailable(error);
      }
      if (taken !== 1) throw tooManyStreams(perUser);
      return once(async () => {
        // The stream is over either way; a lost release only holds the slot until its lease ends.
        await redis.zrem(key, member).catch((error: unknown) => {
          console.error("fal proxy: stream slot not released:", (error as Error).message);
        });
      });
    },
  };
}

function once(release: () => Promise<void>): StreamSlot {
  let released: Promise<void> | undefined;
  return {
    release() {
      released ??= release();
      return released;
    },
  };
}

function tooManyStreams(perUser: number): AppError {
  return new AppError(
    "too_many_streams",
    429,
    `You can watch ${perUser} generations live at once; close one, or wait for one to finish.`,
  );
}

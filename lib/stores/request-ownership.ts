import "server-only";
import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { storeUnavailable } from "./store-errors";

/** Who submitted which fal request, so nobody else can read, stream or cancel it. */
export type RequestOwnership = {
  record(requestId: string, userId: string): Promise<void>;
  ownerOf(requestId: string): Promise<string | undefined>;
};

export const ownershipTtlSeconds = 86_400;
const keyPrefix = "fal-proxy:owner:";

/** Bounded, so a flood of submits cannot grow one instance's memory without limit. */
export function memoryOwnership(maxEntries = 100_000): RequestOwnership {
  const owners = new LRUCache<string, string>({ max: maxEntries, ttl: ownershipTtlSeconds * 1000 });
  return {
    async record(requestId, userId) {
      owners.set(requestId, userId);
    },
    async ownerOf(requestId) {
      return owners.get(requestId);
    },
  };
}

export function redisOwnership(redis: Redis): RequestOwnership {
  return {
    async record(requestId, userId) {
      await redis.set(keyPrefix + requestId, userId, "EX", ownershipTtlSeconds).catch((error) => {
        throw storeUnavailable(error);
      });
    },
    async ownerOf(requestId) {
      const owner = await redis.get(keyPrefix + requestId).catch((error) => {
        throw storeUnavailable(error);
      });
      return owner ?? undefined;
    },
  };
}

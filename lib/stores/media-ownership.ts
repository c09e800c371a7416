import "server-only";
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import type { ImageDimensions } from "@/lib/catalog/cost";
import { storeUnavailable } from "./store-errors";

/** A file at fal that a user may give a model: its URL, and its size when it is known. */
export type MediaFile = { url: string } & Partial<ImageDimensions>;

/**
 * Which files at fal belong to whom: the images a user uploaded through this app (decoded and
 * measured by the server) and the outputs fal returned to them. A model is given only these
 * as `image_url`, and is charged by the size recorded here, so nothing is fetched at submit.
 */
export type MediaOwnership = {
  record(userId: string, files: readonly MediaFile[]): Promise<void>;
  find(userId: string, url: string): Promise<MediaFile | undefined>;
};

/** How long a file stays usable as an input after it was uploaded or made. */
export const mediaTtlSeconds = 7 * 86_400;
const keyPrefix = "fal-proxy:media:";

type Size = Partial<ImageDimensions>;

// A user id and a URL can both be long, and a URL may hold anything: the key is their digest.
const keyOf = (userId: string, url: string) =>
  createHash("sha256").update(userId).update("\n").update(url).digest("base64url");

const sizeOf = ({ width, height }: MediaFile): Size =>
  width !== undefined && height !== undefined ? { width, height } : {};

/** Bounded: the limits on uploads and runs bound what one user can add. */
export function memoryMediaOwnership(maxEntries = 100_000): MediaOwnership {
  const files = new LRUCache<string, Size>({ max: maxEntries, ttl: mediaTtlSeconds * 1000 });
  return {
    async record(userId, recorded) {
      for (const file of recorded) files.set(keyOf(userId, file.url), sizeOf(file));
    },
    async find(userId, url) {
      const size = files.get(keyOf(userId, url));
      return size && { url, ...size };
    },
  };
}

export function redisMediaOwnership(redis: Redis): MediaOwnership {
  return {
    async record(userId, recorded) {
      if (recorded.length === 0) return;
      const batch = redis.multi();
      for (const file of recorded) {
        const key = keyPrefix + keyOf(userId, file.url);
        batch.set(key, JSON.stringify(sizeOf(file)), "EX", mediaTtlSeconds);
      }
      await batch.exec().catch((error) => {
        throw storeUnavailable(error);
      });
    },
    async find(userId, url) {
      const stored = await redis.get(keyPrefix + keyOf(userId, url)).catch((error) => {
        throw storeUnavailable(error);
      });
      if (stored === null) return undefined;
      const { width, height } = JSON.parse(stored) as Size;
      return width !== undefined && height !== undefined ? { url, width, height } : { url };
    },
  };
}

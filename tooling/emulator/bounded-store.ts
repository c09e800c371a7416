/**
 * What the emulator keeps per run (an edit's or a video's input), by a fresh id, in memory and
 * bounded: past `maxEntries` entries or `maxTotalBytes` of kept bytes, the oldest go first.
 */
import { randomUUID } from "node:crypto";

export type StoreLimits = { maxEntries: number; maxTotalBytes: number };

export type BoundedStore<T> = {
  add(value: T): string;
  get(id: string): T | undefined;
  stats(): { entries: number; totalBytes: number };
};

export function createBoundedStore<T>(
  limits: StoreLimits,
  bytesOf: (value: T) => number,
): BoundedStore<T> {
  const entries = new Map<string, T>();
  let totalBytes = 0;
  return {
    add(value) {
      const id = randomUUID();
      entries.set(id, value);
      totalBytes += bytesOf(value);
      // Oldest first (a Map keeps insertion order), never the one just added.
      for (const [oldId, old] of entries) {
        if (entries.size <= limits.maxEntries && totalBytes <= limits.maxTotalBytes) break;
        if (oldId === id) break;
        entries.delete(oldId);
        totalBytes -= bytesOf(old);
      }
      return id;
    },
    get: (id) => entries.get(id),
    stats: () => ({ entries: entries.size, totalBytes }),
  };
}

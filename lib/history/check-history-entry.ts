import * as z from "zod/mini";
import { type HistoryEntry, historyEntryVersion } from "./history-entry";

/**
 * Records come back from the browser's storage, which the user, an extension or an older
 * version of this app may have written: each is checked on read, and one that does not fit is
 * skipped, never trusted.
 */

// Wide enough for every URL fal (or the emulator) returns; never `javascript:` or `data:`.
const webUrl = z.url({ protocol: /^https?$/ });
const count = z.int().check(z.gte(1), z.lte(16));
const id = z.string().check(z.minLength(1), z.maxLength(200));

const historyEntrySchema = z.object({
  version: z.literal(historyEntryVersion),
  id,
  finishedAt: z.number().check(z.gte(0)),
  prompt: z.string().check(z.maxLength(20_000)),
  model: z.object({ id, name: z.string().check(z.maxLength(200)) }),
  settings: z.object({
    imageSize: z.optional(z.string().check(z.maxLength(100))),
    numImages: count,
    seed: z.optional(z.int().check(z.gte(0))),
    imageUrl: z.optional(webUrl),
    strength: z.optional(z.number().check(z.gte(0), z.lte(1))),
  }),
  images: z
    .array(
      z.object({
        url: webUrl,
        width: z.int().check(z.gte(1)),
        height: z.int().check(z.gte(1)),
      }),
    )
    .check(z.minLength(1), z.maxLength(16)),
  timings: z.object({
    elapsedMs: z.number().check(z.gte(0)),
    inferenceSeconds: z.optional(z.number().check(z.gte(0))),
  }),
});

/** The entry (unknown fields dropped), or undefined for a corrupt record or another version. */
export function parseHistoryEntry(value: unknown): HistoryEntry | undefined {
  const parsed = historyEntrySchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

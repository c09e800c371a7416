import * as z from "zod/mini";

/**
 * One finished generation as history keeps it. Records come back from the browser's storage,
 * which the user, an extension or an older version of this app may have written: each is
 * checked on read, and one that does not fit is skipped, never trusted.
 */
export const historyEntryVersion = 1;

// Wide enough for every URL fal (or the emulator) returns; never `javascript:` or `data:`.
const webUrl = z.url({ protocol: /^https?$/ });
const count = z.int().check(z.gte(1), z.lte(16));

const historyEntrySchema = z.object({
  version: z.literal(historyEntryVersion),
  /** fal's request id: unique, and the record's key. */
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  /** When the result arrived, in epoch milliseconds: the list's order. */
  finishedAt: z.number().check(z.gte(0)),
  prompt: z.string().check(z.maxLength(20_000)),
  /** The name is kept too, so an entry still reads well after its model leaves the catalog. */
  model: z.object({
    id: z.string().check(z.minLength(1), z.maxLength(200)),
    name: z.string().check(z.maxLength(200)),
  }),
  settings: z.object({
    /** Kept as text: a preset this version does not know still shows, and is not reused. */
    imageSize: z.optional(z.string().check(z.maxLength(100))),
    numImages: count,
    seed: z.optional(z.int().check(z.gte(0))),
    /** The input image of an image model, and how far the model may move from it. */
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
    /** From the request's start to its result, as the page measured it. */
    elapsedMs: z.number().check(z.gte(0)),
    /** fal's own inference time, when it reports one. */
    inferenceSeconds: z.optional(z.number().check(z.gte(0))),
  }),
});

export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** The entry, or undefined for a record that is corrupt or of another version. */
export function parseHistoryEntry(value: unknown): HistoryEntry | undefined {
  const parsed = historyEntrySchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

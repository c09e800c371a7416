/**
 * One finished generation as history keeps it. The check of a stored record (zod) is in
 * check-history-entry.ts, loaded with the store once the page is interactive.
 */
export const historyEntryVersion = 1;

export type HistoryImage = { url: string; width: number; height: number };

export type HistoryEntry = {
  version: typeof historyEntryVersion;
  /** fal's request id: unique, and the record's key. */
  id: string;
  /** When the result arrived, in epoch milliseconds: the list's order. */
  finishedAt: number;
  prompt: string;
  /** The name is kept too, so an entry still reads well after its model leaves the catalog. */
  model: { id: string; name: string };
  settings: {
    /** Kept as text: a preset this version does not know still shows, and is not reused. */
    imageSize?: string;
    numImages: number;
    seed?: number;
    /** The input image of an image model, and how far the model may move from it. */
    imageUrl?: string;
    strength?: number;
  };
  images: HistoryImage[];
  timings: {
    /** From the request's start to its result, as the page measured it. */
    elapsedMs: number;
    /** fal's own inference time, when it reports one. */
    inferenceSeconds?: number;
  };
};

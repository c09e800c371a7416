import type { OutputImage, OutputVideo } from "@/lib/fal/model-output";
import type { RunView } from "@/lib/stores/run-view";

/** One output the gallery shows: an image of a run, or its video. */
export type GalleryItem = {
  /** Unique in the gallery: the run's id and the output's place in it. */
  key: string;
  run: RunView;
  /** Which output of the run (0-based), and how many it made. */
  index: number;
  count: number;
} & ({ kind: "image"; image: OutputImage } | { kind: "video"; video: OutputVideo });

/** The gallery's key for a run's image at `index` (0-based): the result's images use it too. */
export function imageKey(requestId: string, index: number): string {
  return `${requestId}:${index}`;
}

/** The gallery's key for a run's output: its video, or its image at `index`. */
export function itemKey(run: RunView, index: number): string {
  return run.video ? `${run.requestId}:video` : imageKey(run.requestId, index);
}

const submittedAt = (run: RunView) => Date.parse(run.submittedAt) || 0;

/**
 * The user's outputs as the viewer steps through them: newest run first (the page's result
 * leads, then its history), each run's images in fal's order. A run listed twice (a refresh
 * racing a delete) counts once.
 */
export function galleryItems(runs: readonly RunView[]): GalleryItem[] {
  const seen = new Set<string>();
  const kept = runs.filter((run) => {
    if (run.status !== "done" || seen.has(run.requestId)) return false;
    seen.add(run.requestId);
    return true;
  });
  // Stable: runs submitted in the same millisecond keep the server's order.
  kept.sort((a, b) => submittedAt(b) - submittedAt(a));
  return kept.flatMap((run): GalleryItem[] => {
    if (run.video) {
      return [
        { key: `${run.requestId}:video`, run, index: 0, count: 1, kind: "video", video: run.video },
      ];
    }
    return run.images.map((image, index) => ({
      key: itemKey(run, index),
      run,
      index,
      count: run.images.length,
      kind: "image",
      image,
    }));
  });
}

/** The item `step` places from `key`, wrapping at either end; undefined when `key` is gone. */
export function itemBeside(
  items: readonly GalleryItem[],
  key: string,
  step: 1 | -1,
): GalleryItem | undefined {
  const at = items.findIndex((item) => item.key === key);
  if (at < 0 || items.length === 0) return undefined;
  return items[(at + step + items.length) % items.length];
}

"use client";

import { useLoadFailed } from "./use-load-failed";

/**
 * A video fal made, played in place. fal's media URLs expire on fal's schedule: one that no
 * longer loads says so, never a broken player.
 */
export function HistoryVideo({ url, label }: { url: string; label: string }) {
  const { failed: gone, ref, onError } = useLoadFailed();
  if (gone) {
    return (
      <p className="rounded-lg bg-zinc-100 p-3 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">
        {label}: video no longer available at fal
      </p>
    );
  }
  return (
    // biome-ignore lint/a11y/useMediaCaption: fal's videos come without a caption track; the prompt above says what it shows
    <video
      ref={ref}
      src={url}
      controls
      preload="metadata"
      aria-label={label}
      onError={onError}
      className="max-h-72 w-full max-w-md rounded-lg bg-black"
    />
  );
}

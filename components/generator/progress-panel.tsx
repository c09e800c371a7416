"use client";

import { imageSizes } from "@/lib/catalog/image-sizes";
import type { Progress } from "./generation";
import { imageGridClass } from "./image-grid";
import { useRevealOnMount } from "./reveal";

/** A video placeholder's proportions: "auto" follows the image, unknown until the clip is back. */
function videoFrame(aspectRatio: string) {
  const [width, height] = aspectRatio.split(":").map(Number);
  return width && height ? { width, height } : { width: 16, height: 9 };
}

/**
 * While a generation runs: Cancel and fal's logs tucked away, then a placeholder per image at
 * the chosen size (Cancel first, so that placeholders never push it off the screen). Where it stands is the status line's to say, once.
 */
export function ProgressPanel({
  progress,
  onCancel,
}: {
  progress: Progress;
  onCancel: () => void;
}) {
  const ref = useRevealOnMount<HTMLElement>();
  const { numImages, imageSize, video } = progress.request;
  const { width, height } = video ? videoFrame(video.aspectRatio) : imageSizes[imageSize];
  const cancelling = progress.status === "CANCELLING";
  return (
    <section ref={ref} tabIndex={-1} aria-label="Generation progress" className="card space-y-3">
      {video && (
        // A clip takes minutes: the wait is the server's, not this tab's (its run is kept).
        <p className="text-sm">
          A video can take a few minutes. It goes on if you leave this page: the server keeps it in
          your history.
        </p>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        {progress.logs.length > 0 ? (
          <details className="min-w-0 flex-1">
            <summary className="text-muted inline-flex min-h-11 cursor-pointer items-center text-sm">
              Logs ({progress.logs.length})
            </summary>
            <ol
              aria-label="Logs"
              className="max-h-40 overflow-y-auto rounded-lg bg-zinc-100 p-3 font-mono text-xs dark:bg-zinc-950"
            >
              {progress.logs.slice(-50).map((line, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: log lines only ever append
                <li key={index}>{line}</li>
              ))}
            </ol>
          </details>
        ) : (
          <span />
        )}
        {/* Not `disabled` while cancelling: a disabled button drops keyboard focus to <body>. */}
        <button
          type="button"
          className="btn-secondary min-h-11"
          onClick={onCancel}
          aria-disabled={cancelling || undefined}
        >
          Cancel
        </button>
      </div>
      <ul
        aria-label={video ? "Video to come" : "Images to come"}
        className={imageGridClass(numImages)}
      >
        {Array.from({ length: numImages }, (_, index) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders are positions, nothing more
            key={index}
            className="mx-auto w-full animate-pulse rounded-lg bg-zinc-100 motion-reduce:animate-none dark:bg-zinc-800"
            // The result's own bounds (image-preview.tsx): no taller than 60% of the screen.
            style={{
              aspectRatio: `${width} / ${height}`,
              maxWidth: `calc(60dvh * ${width / height})`,
            }}
          />
        ))}
      </ul>
    </section>
  );
}

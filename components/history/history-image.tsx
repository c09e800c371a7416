"use client";

import type { Ref } from "react";
import { useLoadFailed } from "./use-load-failed";

type Props = {
  url: string;
  alt: string;
  /** The short label shown under the thumbnail: "Input image", "Image 1 of 2". */
  caption: string;
  /** Given, the thumbnail is a button that opens the image in the viewer. */
  onOpen?: () => void;
  openerRef?: Ref<HTMLButtonElement>;
};

/**
 * A thumbnail of an image fal serves, with its label. fal's media URLs expire on fal's
 * schedule: one that no longer loads shows a placeholder that says so, never a broken image,
 * and cannot be opened, since there is nothing left to show.
 */
export function HistoryImage({ url, alt, caption, onOpen, openerRef }: Props) {
  const { failed: gone, ref, onError } = useLoadFailed();
  const box = "size-28 rounded-lg bg-zinc-100 dark:bg-zinc-800";
  return (
    <figure className="w-28 space-y-1">
      {gone ? (
        <div
          role="img"
          aria-label={`${alt}: image no longer available at fal`}
          className={`${box} flex items-center justify-center p-2 text-center text-xs text-zinc-600 dark:text-zinc-400`}
        >
          Image no longer available at fal
        </div>
      ) : (
        <div className="relative">
          {/* biome-ignore lint/performance/noImgElement: fal serves finished images from its CDN; next/image would re-encode them through this server */}
          <img
            ref={ref}
            src={url}
            alt={alt}
            width={112}
            height={112}
            loading="lazy"
            onError={onError}
            className={`${box} object-cover`}
          />
          {/* Over the image rather than around it: the image keeps its own role and alt text. */}
          {onOpen && (
            <button
              ref={openerRef}
              type="button"
              aria-label={`View full size: ${alt}`}
              onClick={onOpen}
              className="absolute inset-0 cursor-zoom-in rounded-lg"
            />
          )}
        </div>
      )}
      {/* The alt text says it already; the caption is for the eye. */}
      <figcaption aria-hidden className="text-muted text-xs">
        {caption}
      </figcaption>
    </figure>
  );
}

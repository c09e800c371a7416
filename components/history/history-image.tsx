"use client";

import type { ReactNode } from "react";
import { useLoadFailed } from "./use-load-failed";

/**
 * A thumbnail of an image fal serves. fal's media URLs expire on fal's schedule: one that no
 * longer loads shows a placeholder that says so, never a broken image, and without its actions
 * (`children`), since fal could not fetch it either.
 */
export function HistoryImage({
  url,
  alt,
  children,
}: {
  url: string;
  alt: string;
  children?: ReactNode;
}) {
  const { failed: gone, ref, onError } = useLoadFailed();
  const box = "size-28 rounded-lg bg-zinc-100 dark:bg-zinc-800";
  if (gone) {
    return (
      <div
        role="img"
        aria-label={`${alt}: image no longer available at fal`}
        className={`${box} flex items-center justify-center p-2 text-center text-xs text-zinc-600 dark:text-zinc-400`}
      >
        Image no longer available at fal
      </div>
    );
  }
  return (
    <>
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
      {children}
    </>
  );
}

"use client";

import type { GeneratedImage } from "./generation";

type Props = {
  image: GeneratedImage;
  alt: string;
  /** Opens the gallery's viewer on this image; focus returns to `opener` when it closes. */
  onOpen: (opener: HTMLElement) => void;
};

/** A result's image that opens full size, in the gallery's viewer, on click or Enter. */
export function PreviewableImage({ image, alt, onOpen }: Props) {
  return (
    // As wide as the image shows, no taller than most of the screen: the form stays in view.
    <div className="relative mx-auto w-fit">
      {/* biome-ignore lint/performance/noImgElement: fal serves finished images from its CDN; next/image would re-encode them through this server */}
      <img
        src={image.url}
        alt={alt}
        width={image.width}
        height={image.height}
        className="h-auto max-h-[60dvh] w-auto max-w-full rounded-lg bg-zinc-100 dark:bg-zinc-800"
      />
      {/* Over the image rather than around it: the image keeps its own role and alt text. */}
      <button
        type="button"
        aria-label={`View full size: ${alt}`}
        onClick={(event) => onOpen(event.currentTarget)}
        className="absolute inset-0 cursor-zoom-in rounded-lg"
      />
    </div>
  );
}

"use client";

import { useRef, useState } from "react";
import { CloseButton, ModalDialog } from "@/components/layout/modal-dialog";
import type { GeneratedImage } from "./generation";

/**
 * An image that opens full size in a native <dialog> on click or Enter: the dialog traps
 * focus, closes on Escape (and on a click outside the image), and focus returns to the image.
 */
export function PreviewableImage({ image, alt }: { image: GeneratedImage; alt: string }) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const closed = () => {
    setOpen(false);
    opener.current?.focus();
  };

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
        ref={opener}
        type="button"
        aria-label={`View full size: ${alt}`}
        onClick={() => setOpen(true)}
        className="absolute inset-0 cursor-zoom-in rounded-lg"
      />
      {open && (
        <ModalDialog ref={dialog} label="Full-size image" onClose={closed}>
          <div className="flex max-h-[95dvh] max-w-[95vw] flex-col items-end gap-2">
            <CloseButton dialog={dialog} />
            {/* biome-ignore lint/performance/noImgElement: the same CDN image, at its own size */}
            <img
              src={image.url}
              alt={alt}
              width={image.width}
              height={image.height}
              className="max-h-[85dvh] w-auto max-w-full object-contain"
            />
          </div>
        </ModalDialog>
      )}
    </div>
  );
}

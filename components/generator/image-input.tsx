"use client";

import { type DragEvent, useEffect, useId, useState } from "react";
import { acceptedImageTypes, maxUploadSide } from "@/lib/uploads/image-upload-policy";
import type { InputImage } from "./use-image-upload";

type Props = {
  image: InputImage;
  onChoose: (file: File) => void;
  onRemove: () => void;
  disabled: boolean;
};

const accept = acceptedImageTypes.join(",");

function firstFile(files: FileList | null | undefined): File | undefined {
  return files?.[0] ?? undefined;
}

/**
 * Where the image a model works on comes in: a file picker, a drop anywhere on the zone, or a
 * paste anywhere on the page (a screenshot, a copied image). Shows it, how far its upload is,
 * and why it was refused.
 */
export function ImageInput({ image, onChoose, onRemove, disabled }: Props) {
  const id = useId();
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    if (disabled) return;
    const takePaste = (event: ClipboardEvent) => {
      const file = firstFile(event.clipboardData?.files);
      if (!file) return; // pasted text goes where it was pasted
      event.preventDefault();
      onChoose(file);
    };
    window.addEventListener("paste", takePaste);
    return () => window.removeEventListener("paste", takePaste);
  }, [disabled, onChoose]);

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = firstFile(event.dataTransfer.files);
    if (file && !disabled) onChoose(file);
  };
  const busy = image.phase === "preparing" || image.phase === "uploading";

  return (
    <fieldset className="space-y-2" aria-describedby={`${id}-hint`}>
      <legend className="text-sm font-medium">Input image</legend>
      <section
        aria-label="Drop an image here"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        className={`flex flex-col items-center gap-3 rounded-lg border-2 border-dashed p-4 text-center sm:flex-row sm:text-left ${
          dragging
            ? "border-accent bg-violet-50 dark:bg-violet-950"
            : "border-zinc-300 dark:border-zinc-700"
        }`}
      >
        {image.phase !== "empty" && image.phase !== "failed" && (
          // biome-ignore lint/performance/noImgElement: a local preview (blob:) or fal's CDN; next/image cannot optimise either
          <img
            src={image.previewUrl}
            alt={`Input image: ${image.name}`}
            className="h-24 w-24 shrink-0 rounded-md bg-zinc-100 object-cover dark:bg-zinc-800"
          />
        )}
        <div className="flex-1 space-y-2">
          {busy ? (
            <div role="status" className="space-y-1 text-sm">
              <p>
                {image.phase === "preparing" ? "Preparing" : "Uploading"} {image.name}…
              </p>
              <progress
                className="h-2 w-full accent-accent"
                aria-label={`Uploading ${image.name}`}
              />
            </div>
          ) : image.phase === "ready" ? (
            <p className="text-sm">{image.name} is ready.</p>
          ) : (
            <p className="text-sm">Drop an image here, paste one, or</p>
          )}
          <div className="flex flex-wrap justify-center gap-2 sm:justify-start">
            <input
              id={`${id}-file`}
              type="file"
              accept={accept}
              disabled={disabled || busy}
              className="peer sr-only"
              onChange={(event) => {
                const file = firstFile(event.target.files);
                event.target.value = ""; // choosing the same file again still fires
                if (file) onChoose(file);
              }}
            />
            <label
              htmlFor={`${id}-file`}
              className="btn-secondary min-h-11 cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent peer-disabled:cursor-not-allowed peer-disabled:opacity-50"
            >
              {image.phase === "ready" ? "Choose another image" : "Choose an image"}
            </label>
            {image.phase !== "empty" && image.phase !== "failed" && (
              <button type="button" className="btn-secondary min-h-11" onClick={onRemove}>
                Remove image
              </button>
            )}
          </div>
        </div>
      </section>
      <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
        PNG, JPEG or WebP. Larger images are shrunk to {maxUploadSide} px on the longest side before
        they leave this browser.
      </p>
      {image.phase === "failed" && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {image.message}
        </p>
      )}
    </fieldset>
  );
}

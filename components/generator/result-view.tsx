"use client";

import { DownloadButton, mediaFileName } from "./download-button";
import { formatDuration } from "./elapsed-time";
import type { GeneratedImage, Generation } from "./generation";
import { imageAlt } from "./image-alt";
import { imageGridClass } from "./image-grid";
import { PreviewableImage } from "./image-preview";
import { useRevealOnMount } from "./reveal";
import { VideoResult } from "./video-result";

type Props = {
  generation: Generation;
  /** Given when the catalog has an edit model: "Edit this image" hands the image to it. */
  onEdit?: (image: GeneratedImage) => void;
  /** Given when the catalog has an image-to-video model: "Animate this image" hands it over. */
  onAnimate?: (image: GeneratedImage) => void;
  /** Opens the viewer on image `index`; from there it steps on into the history. */
  onOpen: (index: number, opener: HTMLElement) => void;
};

/** The latest generation; earlier ones are the history's to list. */
export function ResultView({ generation, onEdit, onAnimate, onOpen }: Props) {
  const ref = useRevealOnMount<HTMLElement>();
  const { model, request, seed, images, timings, requestId, video } = generation;
  // What an image may be handed to next: each button shows only when the catalog has the model.
  const handOffs = [
    { verb: "Edit", action: onEdit },
    { verb: "Animate", action: onAnimate },
  ];
  const prompt = <p className="line-clamp-2 font-medium break-words">{request.prompt}</p>;
  if (video) {
    return (
      <section ref={ref} tabIndex={-1} aria-label="Result" className="card space-y-3">
        {prompt}
        <VideoResult generation={generation} video={video} />
      </section>
    );
  }
  return (
    <section ref={ref} tabIndex={-1} aria-label="Result" className="card space-y-3">
      <header className="space-y-1">
        {prompt}
        <p className="text-muted text-xs">
          {model.name} · seed <span className="font-mono">{seed}</span> ·{" "}
          {formatDuration(timings.elapsedMs)} total
          {timings.inferenceSeconds !== undefined && (
            <> · {timings.inferenceSeconds.toFixed(2)} s inference</>
          )}
        </p>
      </header>
      <ul className={imageGridClass(images.length)}>
        {images.map((image, index) => {
          const alt = imageAlt(request.prompt, index, images.length);
          return (
            <li key={image.url} className="space-y-2">
              <PreviewableImage
                image={image}
                alt={alt}
                onOpen={(opener) => onOpen(index, opener)}
              />
              {images.length === 1 && (
                // One row on a 360 px phone: short words, the names say the rest.
                <div className="flex flex-wrap gap-2">
                  <DownloadButton
                    url={image.url}
                    fileName={mediaFileName(requestId, { kind: "image", index })}
                  />
                  {handOffs.map(
                    ({ verb, action }) =>
                      action && (
                        <button
                          key={verb}
                          type="button"
                          className="btn-secondary min-h-11"
                          // The name starts with the visible word (WCAG 2.5.3).
                          aria-label={`${verb} this image`}
                          onClick={() => action(image)}
                        >
                          {verb}
                        </button>
                      ),
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {images.length > 1 && (
        // Several images: each opens in the viewer, where its buttons are (four rows at 360 px here).
        <p className="text-muted text-sm">
          Open an image to see it full size, download it, edit or animate it.
        </p>
      )}
    </section>
  );
}

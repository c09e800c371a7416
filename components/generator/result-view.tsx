"use client";

import { DownloadButton } from "./download-button";
import { formatDuration } from "./elapsed-time";
import type { Generation } from "./generation";
import { imageAlt } from "./image-alt";
import { imageGridClass } from "./image-grid";
import { PreviewableImage } from "./image-preview";
import { useRevealOnMount } from "./reveal";

/** The latest generation; earlier ones are the history's to list. */
export function ResultView({ generation }: { generation: Generation }) {
  const ref = useRevealOnMount<HTMLElement>();
  const { model, request, seed, images, timings, requestId } = generation;
  return (
    <section ref={ref} tabIndex={-1} aria-label="Result" className="card space-y-3">
      <header className="space-y-1">
        <p className="line-clamp-2 font-medium break-words">{request.prompt}</p>
        <p className="muted-text text-xs">
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
              <PreviewableImage image={image} alt={alt} />
              <div className="flex gap-2">
                <a
                  href={image.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="btn-secondary min-h-11 min-w-11"
                  aria-label={images.length > 1 ? `Open image ${index + 1}` : undefined}
                >
                  Open
                </a>
                <DownloadButton url={image.url} fileName={`${requestId}-${index + 1}.png`} />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

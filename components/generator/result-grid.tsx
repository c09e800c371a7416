import { DownloadButton } from "./download-button";
import { formatSeconds } from "./elapsed-time";
import type { Generation } from "./use-generation";

function GenerationCard({ generation }: { generation: Generation }) {
  const { model, prompt, seed, images, inferenceSeconds, elapsedMs, requestId } = generation;
  return (
    <article className="card space-y-3" aria-label={`Result: ${prompt}`}>
      <header className="space-y-1">
        <p className="line-clamp-2 font-medium">{prompt}</p>
        <p className="text-xs text-muted">
          {model.name} · seed <span className="font-mono">{seed}</span> · {formatSeconds(elapsedMs)}{" "}
          total
          {inferenceSeconds !== undefined && <> · {inferenceSeconds.toFixed(2)} s inference</>}
        </p>
      </header>
      <ul className="grid gap-3 sm:grid-cols-2">
        {images.map((image, index) => (
          <li key={image.url} className="space-y-2">
            {/* biome-ignore lint/performance/noImgElement: fal serves finished images from its CDN; next/image would re-encode them through this server */}
            <img
              src={image.url}
              alt={`${prompt} (${index + 1} of ${images.length})`}
              width={image.width}
              height={image.height}
              className="h-auto w-full rounded-lg bg-zinc-100 dark:bg-zinc-800"
            />
            <div className="flex gap-2">
              <a
                href={image.url}
                target="_blank"
                rel="noopener noreferrer"
                className="btn-secondary px-3 py-1 text-xs"
              >
                Open
              </a>
              <DownloadButton url={image.url} fileName={`${requestId}-${index + 1}.png`} />
            </div>
          </li>
        ))}
      </ul>
    </article>
  );
}

export function ResultGrid({ generations }: { generations: Generation[] }) {
  if (generations.length === 0) return null;
  return (
    <section aria-label="Results" className="space-y-4">
      {generations.map((generation) => (
        <GenerationCard key={generation.requestId} generation={generation} />
      ))}
    </section>
  );
}

"use client";

import { type ReactNode, type Ref, useId } from "react";
import type { HistoryEntry, HistoryImage as StoredImage } from "@/lib/history/history-entry";
import { describeDuration, describeImageSize, shortPrompt } from "./describe-entry";
import { HistoryImage } from "./history-image";

type Props = {
  entry: HistoryEntry;
  /** The catalog's name for the model, or the one kept with the entry if it has left. */
  modelName: string;
  /** Where focus goes when a neighbouring entry is deleted. */
  headingRef: Ref<HTMLHeadingElement>;
  /** Absent when the catalog no longer offers the entry's model. */
  onReuse: (() => void) | undefined;
  onEdit: ((image: StoredImage) => void) | undefined;
  onDelete: () => void;
};

function Setting({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div>
      <dt className="inline">{name}: </dt>
      <dd className="inline text-zinc-900 dark:text-zinc-100">{children}</dd>
    </div>
  );
}

export function HistoryEntryCard({
  entry,
  modelName,
  headingRef,
  onReuse,
  onEdit,
  onDelete,
}: Props) {
  const { prompt, settings, images, finishedAt } = entry;
  const label = shortPrompt(prompt);
  const headingId = useId();
  const size = describeImageSize(entry);

  return (
    <article aria-labelledby={headingId} className="card space-y-3">
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="line-clamp-3 font-medium">
        {prompt}
      </h3>
      <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
        <Setting name="Model">{modelName}</Setting>
        {size && <Setting name="Size">{size}</Setting>}
        <Setting name="Images">{settings.numImages}</Setting>
        {settings.seed !== undefined && (
          <Setting name="Seed">
            <span className="font-mono">{settings.seed}</span>
          </Setting>
        )}
        {settings.strength !== undefined && <Setting name="Strength">{settings.strength}</Setting>}
        <Setting name="Took">{describeDuration(entry)}</Setting>
        <Setting name="Finished">
          <time dateTime={new Date(finishedAt).toISOString()}>
            {new Date(finishedAt).toLocaleString()}
          </time>
        </Setting>
      </dl>
      <ul className="flex flex-wrap gap-3">
        {settings.imageUrl && (
          <li>
            <HistoryImage url={settings.imageUrl} alt="Input image" />
          </li>
        )}
        {images.map((image, index) => {
          const which = `${index + 1} of ${images.length}`;
          return (
            <li key={image.url} className="space-y-2">
              <HistoryImage url={image.url} alt={`Image ${which}`}>
                {onEdit && (
                  <button
                    type="button"
                    className="btn-secondary flex min-h-11 w-28 px-2 py-1 text-xs sm:min-h-9"
                    aria-label={`Edit this image (${which}): ${label}`}
                    onClick={() => onEdit(image)}
                  >
                    Edit this image
                  </button>
                )}
              </HistoryImage>
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap gap-2">
        {onReuse && (
          <button
            type="button"
            className="btn-secondary min-h-11 px-3 py-1 text-sm sm:min-h-9"
            aria-label={`Same settings again: ${label}`}
            onClick={onReuse}
          >
            Same settings again
          </button>
        )}
        <button
          type="button"
          className="btn-secondary min-h-11 px-3 py-1 text-sm sm:min-h-9"
          aria-label={`Delete: ${label}`}
          onClick={onDelete}
        >
          Delete
        </button>
      </div>
    </article>
  );
}

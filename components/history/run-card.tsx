"use client";

import { type ReactNode, type Ref, useId } from "react";
import { formatUsd } from "@/lib/catalog/money";
import type { RunView } from "@/lib/stores/run-view";
import { HistoryImage } from "./history-image";
import { HistoryVideo } from "./history-video";
import { describeDuration, describeImageSize, promptOf, shortPrompt } from "./run-settings";

type Props = {
  run: RunView;
  /** The catalog's name for the model, or its id if it has left the catalog. */
  modelName: string;
  /** Whether this page is waiting on the run (it is at fal, and recent). */
  following: boolean;
  /** Where focus goes when a neighbouring run is deleted. */
  headingRef: Ref<HTMLHeadingElement>;
  /** Absent when the form does not offer the run's model. */
  onReuse: (() => void) | undefined;
  /** Opens the run's output (the image at `index`, or its video) in the viewer. */
  onOpen: (index: number) => void;
  /** The buttons that open the outputs, by index: focus returns to one when the viewer closes. */
  openerRef: (index: number) => Ref<HTMLButtonElement>;
  onDelete: () => void;
  /** Given while the run is still at fal: stops it there. */
  onCancel: (() => void) | undefined;
};

function Setting({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div>
      <dt className="inline">{name}: </dt>
      <dd className="inline text-zinc-900 dark:text-zinc-100">{children}</dd>
    </div>
  );
}

/** A card's button: its name says which run it acts on, after the visible verb (WCAG 2.5.3). */
function CardAction(props: {
  verb: string;
  run: string;
  onClick: () => void;
  ref?: Ref<HTMLButtonElement>;
}) {
  return (
    <button
      ref={props.ref}
      type="button"
      className="btn-secondary min-h-11 px-3 py-1 text-sm sm:min-h-9"
      aria-label={`${props.verb}: ${props.run}`}
      onClick={props.onClick}
    >
      {props.verb}
    </button>
  );
}

/** What a run that shows no output says instead. */
function statusText(run: RunView, following: boolean): string | undefined {
  if (run.status === "failed") return "Failed: the model made nothing for it.";
  if (run.status === "cancelled") return "Cancelled.";
  if (run.status === "in-progress") {
    return following
      ? "Still running at fal…"
      : "Did not finish: its result never reached this app.";
  }
  return undefined;
}

/** A time as this browser's locale writes it; the server's rendering may differ, so hydration takes the browser's. */
function When({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {new Date(iso).toLocaleString()}
    </time>
  );
}

export function RunCard({
  run,
  modelName,
  following,
  headingRef,
  onReuse,
  onOpen,
  openerRef,
  onDelete,
  onCancel,
}: Props) {
  const { input, images, video } = run;
  const prompt = promptOf(run);
  const label = shortPrompt(prompt);
  const headingId = useId();
  const size = describeImageSize(run);
  const took = describeDuration(run);
  const status = statusText(run, following);

  return (
    <article aria-labelledby={headingId} className="card space-y-3">
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="line-clamp-3 font-medium">
        {prompt}
      </h3>
      <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
        <Setting name="Model">{modelName}</Setting>
        {size && <Setting name="Size">{size}</Setting>}
        {typeof input.num_images === "number" && (
          <Setting name="Images">{input.num_images}</Setting>
        )}
        {typeof input.duration === "string" && <Setting name="Length">{input.duration}</Setting>}
        {typeof input.resolution === "string" && (
          <Setting name="Resolution">{input.resolution}</Setting>
        )}
        {run.seed !== undefined && (
          <Setting name="Seed">
            <span className="font-mono">{run.seed}</span>
          </Setting>
        )}
        {typeof input.strength === "number" && <Setting name="Strength">{input.strength}</Setting>}
        <Setting name="Charged">
          {/* Cancelled in fal's queue, or failed there: fal billed nothing, nor did the budget. */}
          {run.refunded ? "nothing (given back)" : formatUsd(run.costMicroUsd)}
        </Setting>
        {took && <Setting name="Took">{took}</Setting>}
        <Setting name={run.finishedAt ? "Finished" : "Started"}>
          <When iso={run.finishedAt ?? run.submittedAt} />
        </Setting>
      </dl>
      {status && <p className="text-sm text-zinc-600 dark:text-zinc-400">{status}</p>}
      {video && (
        <div className="space-y-2">
          <HistoryVideo url={video.url} label={`Video: ${label}`} />
          <CardAction
            ref={openerRef(0)}
            verb="Open in viewer"
            run={label}
            onClick={() => onOpen(0)}
          />
        </div>
      )}
      {(typeof input.image_url === "string" || images.length > 0) && (
        <ul className="flex flex-wrap gap-3">
          {typeof input.image_url === "string" && (
            <li>
              <HistoryImage url={input.image_url} alt="Input image" caption="Input image" />
            </li>
          )}
          {images.map((image, index) => {
            const name =
              images.length > 1 ? `Output image ${index + 1} of ${images.length}` : "Output image";
            return (
              <li key={image.url}>
                <HistoryImage
                  url={image.url}
                  alt={name}
                  caption={name}
                  onOpen={() => onOpen(index)}
                  openerRef={openerRef(index)}
                />
              </li>
            );
          })}
        </ul>
      )}
      <div className="flex flex-wrap gap-2">
        {onCancel && <CardAction verb="Cancel" run={label} onClick={onCancel} />}
        {onReuse && <CardAction verb="Same settings again" run={label} onClick={onReuse} />}
        <CardAction verb="Delete" run={label} onClick={onDelete} />
      </div>
    </article>
  );
}

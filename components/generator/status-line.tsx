"use client";

import { ElapsedTime } from "./elapsed-time";
import type { GenerationState, Progress } from "./generation";

export function describeProgress(progress: Progress): string {
  switch (progress.status) {
    case "SUBMITTING":
      return "Submitting…";
    case "IN_QUEUE":
      return progress.queuePosition === undefined
        ? "In queue"
        : `In queue, position ${progress.queuePosition + 1}`;
    case "IN_PROGRESS":
      return "Generating…";
    case "CANCELLING":
      return "Cancelling…";
  }
}

export function describeState(state: GenerationState): string {
  switch (state.phase) {
    case "running":
      return describeProgress(state.progress);
    case "done": {
      if (state.generation.video) return "Done: your video.";
      const count = state.generation.images.length;
      return `Done: ${count} image${count === 1 ? "" : "s"}.`;
    }
    case "cancelled":
      return "Generation cancelled.";
    case "failed":
      return ""; // the error panel is an alert: it speaks for itself
    case "idle":
      return "";
  }
}

const waitingForImageNotice = "The generation starts as soon as the image has uploaded.";

/**
 * The one place that says where a generation is: visible, and a polite live region, so it is
 * read out as it changes. It stays mounted whatever the phase (a live region added with its
 * text is often not read); the ticking timer sits beside it, outside the region.
 */
export function StatusLine({
  state,
  waitingForImage,
}: {
  state: GenerationState;
  /** The next generation waits for its input image: that is where things are now. */
  waitingForImage: boolean;
}) {
  return (
    <div className="flex min-h-6 flex-wrap items-baseline gap-x-3">
      <p role="status" className="font-medium">
        {waitingForImage ? waitingForImageNotice : describeState(state)}
      </p>
      {state.phase === "running" && <ElapsedTime since={state.progress.startedAt} />}
    </div>
  );
}

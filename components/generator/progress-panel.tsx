"use client";

import { ElapsedTime } from "./elapsed-time";
import type { Progress } from "./use-generation";

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

export function ProgressPanel({
  progress,
  onCancel,
}: {
  progress: Progress;
  onCancel: () => void;
}) {
  return (
    <section aria-label="Generation progress" className="card space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="font-medium">
          {describeProgress(progress)}{" "}
          <span className="text-sm text-muted">
            <ElapsedTime since={progress.startedAt} />
          </span>
        </p>
        <button
          type="button"
          className="btn-secondary"
          onClick={onCancel}
          disabled={progress.status === "CANCELLING"}
        >
          Cancel
        </button>
      </div>
      {progress.logs.length > 0 && (
        <ol
          aria-label="Logs"
          className="max-h-40 overflow-y-auto rounded-lg bg-zinc-100 p-3 font-mono text-xs dark:bg-zinc-950"
        >
          {progress.logs.slice(-50).map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: log lines only ever append
            <li key={index}>{line}</li>
          ))}
        </ol>
      )}
    </section>
  );
}

"use client";

import { useId, useRef } from "react";

/**
 * "Clear history", confirmed in a modal dialog. Opening it focuses its first button, "Keep
 * history", so Enter or Escape right away deletes nothing.
 */
export function ClearHistoryButton({ count, onClear }: { count: number; onClear: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const close = () => dialog.current?.close();

  return (
    <>
      <button
        type="button"
        className="btn-secondary min-h-11 px-3 py-1 text-sm sm:min-h-9"
        onClick={() => dialog.current?.showModal()}
      >
        Clear history
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${ids}-title`}
        aria-describedby={`${ids}-text`}
        className="card m-auto max-w-sm space-y-4 text-zinc-900 backdrop:bg-black/50 dark:text-zinc-100"
      >
        <h3 id={`${ids}-title`} className="text-lg font-semibold">
          Clear history?
        </h3>
        <p id={`${ids}-text`} className="text-sm">
          This deletes {count === 1 ? "the 1 entry" : `all ${count} entries`} kept in this browser.
          It cannot be undone.
        </p>
        <div className="flex flex-wrap justify-end gap-2">
          <button type="button" className="btn-secondary" onClick={close}>
            Keep history
          </button>
          <button
            type="button"
            className="btn-primary"
            onClick={() => {
              close();
              onClear();
            }}
          >
            Delete all
          </button>
        </div>
      </dialog>
    </>
  );
}

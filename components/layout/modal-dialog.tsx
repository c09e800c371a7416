"use client";

import { type KeyboardEvent, type ReactNode, type RefObject, useEffect } from "react";

type Props = {
  /** The dialog's accessible name. */
  label: string;
  /** After it closes, however: Escape, a close button, a click on the backdrop. */
  onClose: () => void;
  onKeyDown?: (event: KeyboardEvent<HTMLDialogElement>) => void;
  /** For the close buttons inside: `ref.current?.close()`. */
  ref: RefObject<HTMLDialogElement | null>;
  children: ReactNode;
};

/**
 * A native modal <dialog>, open while mounted: the browser keeps focus inside it, Escape
 * closes it, and a click on the backdrop does too (the mouse's Escape).
 */
export function ModalDialog({ label, onClose, onKeyDown, ref, children }: Props) {
  useEffect(() => {
    if (!ref.current?.open) ref.current?.showModal();
  }, [ref]);
  return (
    <dialog
      ref={ref}
      aria-label={label}
      onClose={onClose}
      onKeyDown={onKeyDown}
      onClick={(event) => {
        if (event.target === event.currentTarget) event.currentTarget.close();
      }}
      className="m-auto max-h-none max-w-none bg-transparent p-0 backdrop:bg-black/80"
    >
      {children}
    </dialog>
  );
}

/** Closes the dialog it is in (its `onClose` then runs, as for Escape). */
export function CloseButton({ dialog }: { dialog: RefObject<HTMLDialogElement | null> }) {
  return (
    <button
      type="button"
      className="btn-secondary min-h-11"
      onClick={() => dialog.current?.close()}
    >
      Close
    </button>
  );
}

"use client";

import { type RefObject, useEffect } from "react";

/**
 * Closes an open `<details>` on Escape (focus goes back to its summary, so a keyboard user
 * is where they started), on a click or tap anywhere outside it, and when Tab leaves it.
 */
export function useDismissible(ref: RefObject<HTMLDetailsElement | null>) {
  useEffect(() => {
    const close = () => {
      if (ref.current) ref.current.open = false;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const details = ref.current;
      if (event.key !== "Escape" || !details?.open) return;
      close();
      details.querySelector("summary")?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      const details = ref.current;
      if (details?.open && !details.contains(event.target as Node)) close();
    };
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget;
      if (next instanceof Node && !ref.current?.contains(next)) close();
    };
    const details = ref.current;
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    details?.addEventListener("focusout", onFocusOut);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
      details?.removeEventListener("focusout", onFocusOut);
    };
  }, [ref]);
}

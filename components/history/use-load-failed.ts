"use client";

import { useCallback, useState } from "react";

/**
 * Whether an `<img>` or `<video>` of fal's failed to load. The history is rendered on the
 * server, so the browser may have given up on a URL before React attached `onError`: the ref
 * looks once, when the element mounts, and `onError` covers a failure after that.
 */
export function useLoadFailed() {
  const [failed, setFailed] = useState(false);
  const onError = useCallback(() => setFailed(true), []);
  const ref = useCallback((element: HTMLImageElement | HTMLVideoElement | null) => {
    if (!element) return;
    const broken =
      element instanceof HTMLImageElement
        ? element.complete && element.naturalWidth === 0
        : element.error !== null;
    if (broken) setFailed(true);
  }, []);
  return { failed, ref, onError };
}

"use client";

import { type Ref, type RefObject, useImperativeHandle, useRef, useState } from "react";
import { type GalleryItem, itemBeside } from "./gallery-items";

/** Opens the viewer from outside the gallery: the result's images step on into the history. */
export type GalleryHandle = {
  /** `from` gets focus back when the viewer closes on this output. */
  open: (key: string, from: HTMLElement) => void;
};

/**
 * Which output the viewer shows, and where focus goes when it closes: the thumbnail of the
 * output shown last, else what opened the viewer (the result's image), else `fallback`.
 */
export function useViewer(
  items: readonly GalleryItem[],
  ref: Ref<GalleryHandle> | undefined,
  fallback: RefObject<HTMLElement | null>,
) {
  const [openKey, setOpenKey] = useState<string>();
  const openers = useRef(new Map<string, HTMLButtonElement>());
  const openedFrom = useRef<HTMLElement>(undefined);
  useImperativeHandle(
    ref,
    () => ({
      open: (key, from) => {
        openedFrom.current = from;
        setOpenKey(key);
      },
    }),
    [],
  );

  const close = (restoreFocus: boolean) => {
    const key = openKey;
    setOpenKey(undefined);
    const from = openedFrom.current?.isConnected ? openedFrom.current : undefined;
    if (restoreFocus) (openers.current.get(key ?? "") ?? from ?? fallback.current)?.focus();
  };

  return {
    opened: items.find((item) => item.key === openKey),
    /** From a thumbnail, which is also where focus returns. */
    open: (key: string) => {
      openedFrom.current = undefined;
      setOpenKey(key);
    },
    show: (item: GalleryItem) => setOpenKey(item.key),
    close,
    /** The thumbnails register here, by item key. */
    openerRef: (key: string) => (element: HTMLButtonElement | null) => {
      if (element) openers.current.set(key, element);
      else openers.current.delete(key);
    },
    /**
     * Where to go once `current`'s run is deleted: the next output of another run. Read before
     * the delete; `moveOn` then shows it, or closes the viewer when none is left.
     */
    afterDeleting: (current: GalleryItem) => {
      // The run's other outputs go; `current` stays in place to step on from.
      const { requestId } = current.run;
      const left = items.filter((item) => item.run.requestId !== requestId || item === current);
      const next = itemBeside(left, current.key, 1);
      return next === current ? undefined : next;
    },
    moveOn: (next: GalleryItem | undefined) => {
      setOpenKey(next?.key);
      if (!next) fallback.current?.focus();
    },
  };
}

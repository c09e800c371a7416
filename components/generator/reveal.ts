"use client";

import { createContext, useContext, useEffect, useRef } from "react";

export type Reveal = (target: HTMLElement) => void;

/**
 * Brings `anchor` (the outcome area: status line and panel) into view and moves focus to
 * `target`. On a phone the outcome of a click on Generate is below the fold: without this,
 * neither the eye nor a screen reader would find it. Scrolling is instant for users who ask
 * for reduced motion.
 */
export function revealIn(anchor: HTMLElement | null, target: HTMLElement): void {
  const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  (anchor ?? target).scrollIntoView({ behavior: reduced ? "auto" : "smooth", block: "nearest" });
  target.focus({ preventScroll: true });
}

export const RevealContext = createContext<Reveal>((target) => revealIn(null, target));

/** A ref for an outcome panel (progress, result, error): revealed and focused when it mounts. */
export function useRevealOnMount<T extends HTMLElement>() {
  const reveal = useContext(RevealContext);
  const ref = useRef<T>(null);
  useEffect(() => {
    if (ref.current) reveal(ref.current);
  }, [reveal]);
  return ref;
}

"use client";

import type { MouseEvent } from "react";

/** The layout's `<main>`: where the skip link goes. */
export const mainId = "main";

/**
 * The first stop of Tab on every page, shown only when focused: it skips the header and puts
 * focus where the page's work starts (the generator's prompt, the first field), or on `<main>`.
 */
export function SkipLink() {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById(mainId);
    if (!main) return;
    event.preventDefault();
    const field = main.querySelector<HTMLElement>("textarea, input:not([type=hidden]), select");
    (field ?? main).focus();
  };
  return (
    <a
      href={`#${mainId}`}
      onClick={skip}
      className="btn-primary sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
    >
      Skip to content
    </a>
  );
}

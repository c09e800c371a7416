"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useRef } from "react";
import type { ErrorDescription } from "@/lib/fal/browser/describe-error";
import { ErrorPanel } from "./error-panel";
import type { GeneratedImage, GenerationState } from "./generation";
import { ProgressPanel } from "./progress-panel";
import { type Reveal, RevealContext, revealIn } from "./reveal";
import { StatusLine } from "./status-line";

// A result's view (its images or video player, downloads, hand-offs) is not in the page's
// first load: it is fetched when a run starts, while the run waits at fal.
const loadResultView = () => import("./result-view");
const ResultView = dynamic(() => loadResultView().then((module) => module.ResultView), {
  ssr: false,
});

type Props = {
  state: GenerationState;
  /** Generate was pressed during the upload: the status line says the run is coming. */
  waitingForImage: boolean;
  /** A refusal from the form's own check, before anything was sent. */
  inputError: ErrorDescription | undefined;
  onCancel: () => void;
  onRetry: () => void;
  onEdit?: (image: GeneratedImage) => void;
  onAnimate?: (image: GeneratedImage) => void;
  onOpen: (requestId: string, index: number, opener: HTMLElement) => void;
};

/**
 * Where the current generation shows: the status line, then its progress, result or error.
 * Each panel takes focus as it appears, and this area is scrolled into view with it.
 */
export function Outcome(props: Props) {
  const { state, waitingForImage, inputError, onCancel, onRetry, onEdit, onAnimate, onOpen } =
    props;
  const anchor = useRef<HTMLDivElement>(null);
  const reveal = useCallback<Reveal>((target) => revealIn(anchor.current, target), []);
  useEffect(() => {
    // A failed load is tried again by the result that needs it.
    if (state.phase === "running") loadResultView().catch(() => {});
  }, [state.phase]);
  return (
    <RevealContext value={reveal}>
      <div ref={anchor} className="scroll-mt-4 space-y-3">
        <StatusLine state={state} waitingForImage={waitingForImage} />
        {inputError && <ErrorPanel error={inputError} onRetry={onRetry} />}
        {state.phase === "running" && (
          <ProgressPanel
            key={state.progress.startedAt}
            progress={state.progress}
            onCancel={onCancel}
          />
        )}
        {state.phase === "failed" && (
          <ErrorPanel error={state.error} elapsedMs={state.elapsedMs} onRetry={onRetry} />
        )}
        {state.phase === "done" && (
          <ResultView
            key={state.generation.requestId}
            generation={state.generation}
            onEdit={onEdit}
            onAnimate={onAnimate}
            onOpen={(index, opener) => onOpen(state.generation.requestId, index, opener)}
          />
        )}
      </div>
    </RevealContext>
  );
}

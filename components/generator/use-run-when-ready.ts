"use client";

import { useEffect, useEffectEvent, useState } from "react";
import type { InputImage } from "./use-image-upload";

export type QueuedRunStep = "wait" | "start" | "drop";

/**
 * What a Generate pressed while the image was on its way does as things change: it is for the
 * model it was pressed on, and for whichever image is coming. Another model means the person
 * is choosing again; a removed image leaves nothing to run on; a failed upload says why itself.
 */
export function queuedRunStep(
  queuedFor: string,
  now: { modelId: string; phase: InputImage["phase"] },
): QueuedRunStep {
  if (now.modelId !== queuedFor) return "drop";
  if (now.phase === "ready") return "start";
  // Another image dropped or pasted meanwhile is uploading too: the run waits for that one.
  if (now.phase === "preparing" || now.phase === "uploading") return "wait";
  return "drop";
}

/**
 * Generate pressed during an upload: `queue()` remembers it, and `start` runs by itself once
 * the image is ready (reading the form as it is then), or never if the wait is dropped.
 */
export function useRunWhenReady({
  image,
  modelId,
  start,
}: {
  image: InputImage;
  modelId: string;
  start: () => void;
}) {
  const [queuedFor, setQueuedFor] = useState<string>();
  const step =
    queuedFor === undefined ? undefined : queuedRunStep(queuedFor, { modelId, phase: image.phase });
  const startNow = useEffectEvent(start);
  useEffect(() => {
    if (step === undefined || step === "wait") return;
    setQueuedFor(undefined);
    if (step === "start") startNow();
  }, [step]);

  return {
    waiting: step === "wait",
    queue: () => setQueuedFor(modelId),
    /** The person chose something else to run (a history entry, a result to edit). */
    drop: () => setQueuedFor(undefined),
  };
}

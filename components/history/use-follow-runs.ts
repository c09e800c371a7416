"use client";

import { useEffect, useRef, useState } from "react";
import { loadFal } from "@/lib/fal/browser/load-fal";
import { waitForCompletion } from "@/lib/fal/browser/wait-for-completion";
import type { RunView } from "@/lib/stores/run-view";
import { isFollowable } from "./run-settings";

/**
 * Waits on the runs the server lists as still at fal, one at a time, newest first: the status
 * stream, then the result, through the proxy, which records the output for the user. So a run
 * started in a tab that closed, or on another device, finishes wherever its user opens the
 * page. While `paused` (this tab's generator is running) it waits on nothing: the run the user
 * is watching has the user's status streams and reads to itself. Answers the runs that could
 * not be followed (fal no longer has them, or the proxy refused), which are not tried again
 * on this page; `onSettled` reads the list again after each.
 */
export function useFollowRuns(
  runs: readonly RunView[],
  paused: boolean,
  onSettled: () => unknown,
): ReadonlySet<string> {
  const [lost, setLost] = useState<ReadonlySet<string>>(() => new Set());
  // Read when called, so the caller need not memoise it.
  const settled = useRef(onSettled);
  useEffect(() => {
    settled.current = onSettled;
  });
  const next = paused
    ? undefined
    : runs.find((run) => !lost.has(run.requestId) && isFollowable(run, Date.now()));
  const requestId = next?.requestId;
  const modelId = next?.modelId;

  useEffect(() => {
    if (!requestId || !modelId) return;
    const controller = new AbortController();
    const { signal } = controller;
    const follow = async () => {
      const fal = await loadFal();
      await waitForCompletion(fal.queue, modelId, { requestId, signal });
      await fal.queue.result(modelId, { requestId, abortSignal: signal });
    };
    follow().then(
      () => settled.current(),
      () => {
        if (signal.aborted) return;
        setLost((current) => new Set(current).add(requestId));
        settled.current(); // cancelled or failed elsewhere: the server's list says which
      },
    );
    return () => controller.abort();
  }, [requestId, modelId]);

  return lost;
}

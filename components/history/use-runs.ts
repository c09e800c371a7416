"use client";

import { useCallback, useState } from "react";
import { loadFal } from "@/lib/fal/browser/load-fal";
import { type RunView, runsPath } from "@/lib/stores/run-view";

export type RunsView =
  | { status: "ready"; runs: RunView[] }
  /** The server could not read its store: the page says so, and the proxy refuses runs too. */
  | { status: "unavailable" };

export type Runs = {
  view: RunsView;
  /** Reads the list again from the server (after a run settles); a failed read keeps the last one. */
  refresh: () => Promise<void>;
  /** Deletes the run on the server; false when the server could not. */
  remove: (requestId: string) => Promise<boolean>;
  /**
   * Cancels a run still at fal, through the proxy (which refunds one still in fal's queue),
   * then reads the list again; false when fal or the proxy refused.
   */
  cancel: (run: RunView) => Promise<boolean>;
};

/**
 * The signed-in user's runs as the server keeps them, newest first: rendered with the page,
 * then read again from `GET /api/runs`. The server's list is the only one, so every tab and
 * device shows the same runs.
 */
export function useRuns(initial: RunView[] | undefined): Runs {
  const [view, setView] = useState<RunsView>(
    initial ? { status: "ready", runs: initial } : { status: "unavailable" },
  );

  const refresh = useCallback(async () => {
    const response = await fetch(runsPath, { cache: "no-store" }).catch(() => undefined);
    if (!response?.ok) return;
    const body = (await response.json().catch(() => undefined)) as { runs?: RunView[] } | undefined;
    if (Array.isArray(body?.runs)) setView({ status: "ready", runs: body.runs });
  }, []);

  const remove = useCallback(async (requestId: string) => {
    const response = await fetch(`${runsPath}/${encodeURIComponent(requestId)}`, {
      method: "DELETE",
    }).catch(() => undefined);
    // 404: already gone (deleted from another tab): the list drops it all the same.
    if (!response || (!response.ok && response.status !== 404)) return false;
    setView((current) =>
      current.status === "ready"
        ? { status: "ready", runs: current.runs.filter((run) => run.requestId !== requestId) }
        : current,
    );
    return true;
  }, []);

  const cancel = useCallback(
    async ({ modelId, requestId }: RunView) => {
      const cancelled = await loadFal()
        .then((fal) => fal.queue.cancel(modelId, { requestId }))
        .then(
          () => true,
          () => false,
        );
      await refresh();
      return cancelled;
    },
    [refresh],
  );

  return { view, refresh, remove, cancel };
}

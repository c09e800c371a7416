"use client";

import type { FalClient, QueueStatus } from "@fal-ai/client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { CatalogModel } from "@/lib/catalog/model-definition";
import type { GenerationRequest, ModelInput } from "@/lib/catalog/model-input";
import { describeError } from "@/lib/fal/browser/describe-error";
import { loadFal } from "@/lib/fal/browser/load-fal";
import { waitForCompletion } from "@/lib/fal/browser/wait-for-completion";
import {
  type Generation,
  type GenerationState,
  type ModelOutput,
  type Progress,
  toGeneration,
} from "./generation";

export type { GeneratedImage, Generation } from "./generation";

type Options = {
  /** After every generation, whatever its end: what was spent is the server's to say. */
  onSettled?: () => void;
  /** A generation finished with its images. */
  onDone?: (generation: Generation) => void;
};

type Job = {
  model: CatalogModel;
  progress: Pick<Progress, "startedAt" | "request">;
  controller: AbortController;
  requestId?: string;
  cancelRequested: boolean;
};

type ObtainId = (fal: FalClient, signal: AbortSignal) => Promise<string>;

/**
 * One generation at a time: submit, wait on one status stream (polling if it fails), fetch
 * the result. Three proxy calls where `fal.subscribe`'s polling makes two a second. The
 * server keeps the run for its user, so a run this tab leaves behind is waited on by the next
 * page that lists it (components/history/use-follow-runs.ts).
 */
export function useGeneration(options: Options) {
  const [state, setState] = useState<GenerationState>({ phase: "idle" });
  const job = useRef<Job | null>(null);
  // Read when they are called, so callers need not memoise them.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const updateProgress = useCallback((change: (progress: Progress) => Progress) => {
    setState((current) =>
      current.phase === "running"
        ? { phase: "running", progress: change(current.progress) }
        : current,
    );
  }, []);

  const release = useCallback((current: Job) => {
    if (job.current === current) job.current = null;
  }, []);

  const sendCancel = useCallback(
    async (current: Job) => {
      if (!current.requestId) return; // sent again by `run` once the submit gives an id
      current.controller.abort();
      release(current);
      try {
        const fal = await loadFal();
        await fal.queue.cancel(current.model.id, { requestId: current.requestId });
        setState({ phase: "cancelled" });
        // A run cancelled in fal's queue is given back: the budget is read again once it is.
        latest.current.onSettled?.();
      } catch (error) {
        const elapsedMs = Date.now() - current.progress.startedAt;
        setState({ phase: "failed", error: describeError(error), elapsedMs });
      }
    },
    [release],
  );

  const run = useCallback(
    async (current: Job, obtainId: ObtainId) => {
      const { model, progress: started, controller } = current;
      job.current = current;
      setState({ phase: "running", progress: { ...started, status: "SUBMITTING", logs: [] } });
      const { signal } = controller;
      try {
        const fal = await loadFal();
        const requestId = await obtainId(fal, signal);
        current.requestId = requestId;
        updateProgress((progress) => ({
          ...progress,
          requestId,
          status: "IN_QUEUE",
        }));
        if (current.cancelRequested) void sendCancel(current);

        await waitForCompletion(fal.queue, model.id, {
          requestId,
          logs: true,
          signal,
          onQueueUpdate: (update: QueueStatus) => {
            if (current.cancelRequested) return;
            const queued = update.status === "IN_QUEUE";
            updateProgress((progress) => ({
              ...progress,
              status: queued ? "IN_QUEUE" : "IN_PROGRESS",
              queuePosition: queued ? update.queue_position : undefined,
              logs: queued ? progress.logs : update.logs.map((log) => log.message),
            }));
          },
        });
        const { data } = await fal.queue.result(model.id, { requestId, abortSignal: signal });
        const generation = toGeneration(started, requestId, model, data as ModelOutput);
        setState({ phase: "done", generation });
        latest.current.onDone?.(generation);
      } catch (error) {
        // Cancelled before fal gave an id, and the submit failed: there is nothing to cancel.
        if (current.cancelRequested) {
          if (!current.requestId) setState({ phase: "cancelled" });
        } else {
          const elapsedMs = Date.now() - started.startedAt;
          setState({ phase: "failed", error: describeError(error), elapsedMs });
        }
      } finally {
        release(current);
        latest.current.onSettled?.();
      }
    },
    [release, sendCancel, updateProgress],
  );

  const generate = useCallback(
    async (model: CatalogModel, request: GenerationRequest, input: ModelInput) => {
      if (job.current) return;
      const startedAt = Date.now();
      const current = newJob(model, { startedAt, request });
      await run(current, async (fal, signal) => {
        const submitted = await fal.queue.submit(model.id, { input, abortSignal: signal });
        return submitted.request_id;
      });
    },
    [run],
  );

  useEffect(() => {
    // Fetched once the page is interactive, so the first generate does not wait for it.
    loadFal().catch(() => {}); // a failed load is reported by the generate that needs it
  }, []);

  const cancel = useCallback(() => {
    const current = job.current;
    if (!current || current.cancelRequested) return;
    current.cancelRequested = true;
    updateProgress((progress) => ({ ...progress, status: "CANCELLING" }));
    void sendCancel(current);
  }, [sendCancel, updateProgress]);

  /** The last failure goes once the user changes what they asked for: it was about that. */
  const dismissError = useCallback(() => {
    setState((current) => (current.phase === "failed" ? { phase: "idle" } : current));
  }, []);

  /** The result goes with its run once that is deleted: the page shows nothing the server lost. */
  const dropResult = useCallback((requestId: string) => {
    setState((current) =>
      current.phase === "done" && current.generation.requestId === requestId
        ? { phase: "idle" }
        : current,
    );
  }, []);

  return { state, generate, cancel, dismissError, dropResult };
}

function newJob(model: CatalogModel, progress: Job["progress"]): Job {
  const { startedAt, request } = progress;
  return {
    model,
    progress: { startedAt, request },
    controller: new AbortController(),
    cancelRequested: false,
  };
}

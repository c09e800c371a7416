"use client";

import type { QueueStatus } from "@fal-ai/client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ModelInput } from "@/lib/catalog/model-input";
import type { ModelDefinition } from "@/lib/catalog/models";
import { describeError, type ErrorDescription } from "@/lib/fal/browser/describe-error";
import { loadFal } from "@/lib/fal/browser/load-fal";
import { waitForCompletion } from "@/lib/fal/browser/wait-for-completion";

export type GeneratedImage = { url: string; width: number; height: number };

export type Generation = {
  requestId: string;
  model: ModelDefinition;
  prompt: string;
  images: GeneratedImage[];
  seed: number;
  inferenceSeconds: number | undefined;
  elapsedMs: number;
};

export type Progress = {
  startedAt: number;
  requestId?: string;
  status: "SUBMITTING" | "IN_QUEUE" | "IN_PROGRESS" | "CANCELLING";
  queuePosition?: number;
  logs: string[];
};

export type GenerationState =
  | { phase: "idle" }
  | { phase: "running"; progress: Progress }
  | { phase: "cancelled" }
  | { phase: "failed"; error: ErrorDescription }
  | { phase: "done"; generation: Generation };

type ModelOutput = {
  images: GeneratedImage[];
  seed: number;
  timings?: { inference?: number };
};

type Job = {
  model: ModelDefinition;
  controller: AbortController;
  requestId?: string;
  cancelRequested: boolean;
};

/**
 * One generation at a time: submit, wait on one status stream (polling if it fails), fetch
 * the result. Three proxy calls where `fal.subscribe`'s polling makes two a second.
 */
export function useGeneration({ onSettled }: { onSettled?: () => void } = {}) {
  const [state, setState] = useState<GenerationState>({ phase: "idle" });
  const [history, setHistory] = useState<Generation[]>([]);
  const job = useRef<Job | null>(null);

  useEffect(() => {
    // Fetched once the page is interactive, so the first generate does not wait for it.
    loadFal().catch(() => {}); // a failed load is reported by the generate that needs it
  }, []);

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
      if (!current.requestId) return; // sent again by `generate` once the submit gives an id
      current.controller.abort();
      release(current);
      try {
        const fal = await loadFal();
        await fal.queue.cancel(current.model.id, { requestId: current.requestId });
        setState({ phase: "cancelled" });
      } catch (error) {
        setState({ phase: "failed", error: describeError(error) });
      }
    },
    [release],
  );

  const generate = useCallback(
    async (model: ModelDefinition, input: ModelInput) => {
      if (job.current) return;
      const current: Job = { model, controller: new AbortController(), cancelRequested: false };
      job.current = current;
      const startedAt = Date.now();
      setState({ phase: "running", progress: { startedAt, status: "SUBMITTING", logs: [] } });

      const { signal } = current.controller;
      try {
        const fal = await loadFal();
        const { request_id: requestId } = await fal.queue.submit(model.id, {
          input,
          abortSignal: signal,
        });
        current.requestId = requestId;
        updateProgress((progress) => ({ ...progress, requestId, status: "IN_QUEUE" }));
        if (current.cancelRequested) void sendCancel(current);

        await waitForCompletion(fal.queue, model.id, {
          requestId,
          logs: true,
          signal,
          onQueueUpdate: (update: QueueStatus) => {
            if (current.cancelRequested) return;
            updateProgress((progress) => ({
              ...progress,
              status: update.status === "IN_QUEUE" ? "IN_QUEUE" : "IN_PROGRESS",
              queuePosition: update.status === "IN_QUEUE" ? update.queue_position : undefined,
              logs:
                update.status === "IN_QUEUE"
                  ? progress.logs
                  : update.logs.map((log) => log.message),
            }));
          },
        });
        const { data } = await fal.queue.result(model.id, { requestId, abortSignal: signal });
        const output = data as ModelOutput;
        const generation: Generation = {
          requestId,
          model,
          prompt: input.prompt,
          images: output.images,
          seed: output.seed,
          inferenceSeconds: output.timings?.inference,
          elapsedMs: Date.now() - startedAt,
        };
        setHistory((previous) => [generation, ...previous]);
        setState({ phase: "done", generation });
      } catch (error) {
        if (!current.cancelRequested) setState({ phase: "failed", error: describeError(error) });
        // Cancelled before fal gave an id, and the submit failed: there is nothing to cancel.
        else if (!current.requestId) setState({ phase: "cancelled" });
      } finally {
        release(current);
        // What was spent (or given back) is the server's to say: ask again after each run.
        onSettled?.();
      }
    },
    [release, sendCancel, updateProgress, onSettled],
  );

  const cancel = useCallback(() => {
    const current = job.current;
    if (!current || current.cancelRequested) return;
    current.cancelRequested = true;
    updateProgress((progress) => ({ ...progress, status: "CANCELLING" }));
    void sendCancel(current);
  }, [sendCancel, updateProgress]);

  return { state, history, generate, cancel };
}

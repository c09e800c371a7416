import type { CatalogModel } from "@/lib/catalog/model-definition";
import type { GenerationRequest } from "@/lib/catalog/model-input";
import type { ErrorDescription } from "@/lib/fal/browser/describe-error";
import { type OutputVideo, outputVideo } from "@/lib/fal/model-output";

export type GeneratedImage = { url: string; width: number; height: number };

/** A finished generation: what was asked, what came back, how long it took. */
export type Generation = {
  requestId: string;
  model: CatalogModel;
  /** What was asked for; `request.seed` is the seed chosen, if one was. */
  request: GenerationRequest;
  /** An image model's images; none for a video model. */
  images: GeneratedImage[];
  /** A video model's clip. */
  video?: OutputVideo;
  /** The seed fal used: the same request with this seed gives the same images. */
  seed: number;
  timings: {
    /** fal's own figure for the model run, when it gives one. */
    inferenceSeconds: number | undefined;
    /** From Generate to the result, queue included, as the user waited. */
    elapsedMs: number;
  };
  startedAt: number;
  finishedAt: number;
};

export type Progress = {
  startedAt: number;
  request: GenerationRequest;
  requestId?: string;
  status: "SUBMITTING" | "IN_QUEUE" | "IN_PROGRESS" | "CANCELLING";
  queuePosition?: number;
  logs: string[];
};

export type GenerationState =
  | { phase: "idle" }
  | { phase: "running"; progress: Progress }
  | { phase: "cancelled" }
  | { phase: "failed"; error: ErrorDescription; elapsedMs: number }
  | { phase: "done"; generation: Generation };

/** The part of a model's output this app reads: its images, or its video (`outputVideo`). */
export type ModelOutput = {
  images?: GeneratedImage[];
  seed: number;
  timings?: { inference?: number };
};

export function toGeneration(
  progress: Pick<Progress, "startedAt" | "request">,
  requestId: string,
  model: CatalogModel,
  output: ModelOutput,
  finishedAt = Date.now(),
): Generation {
  const video = outputVideo(output);
  return {
    requestId,
    model,
    request: progress.request,
    images: output.images ?? [],
    ...(video && { video }),
    seed: output.seed,
    timings: {
      inferenceSeconds: output.timings?.inference,
      elapsedMs: finishedAt - progress.startedAt,
    },
    startedAt: progress.startedAt,
    finishedAt,
  };
}

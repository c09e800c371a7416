import {
  type OutputImage,
  type OutputVideo,
  outputImages,
  outputSeed,
  outputVideo,
} from "@/lib/fal/model-output";
import type { RunRecord, RunStatus } from "./runs";

/**
 * One run as the page shows it (server-rendered with the page, and from `GET /api/runs`):
 * what was asked, what it cost, where it is, and what fal made. fal's media URLs expire on
 * fal's schedule; the page says so when one no longer loads.
 */
export type RunView = {
  requestId: string;
  modelId: string;
  status: RunStatus;
  /** The checked input: prompt, counts, sizes, durations, the input image. */
  input: Record<string, unknown>;
  costMicroUsd: number;
  /** Cancelled while still in fal's queue: the charge went back to the budgets. */
  refunded?: true;
  submittedAt: string;
  finishedAt?: string;
  images: OutputImage[];
  video?: OutputVideo;
  seed?: number;
};

/** Where the page lists a user's runs (GET) and deletes one (`DELETE /api/runs/<id>`). */
export const runsPath = "/api/runs";

export function runViewOf(run: RunRecord): RunView {
  const video = outputVideo(run.output);
  const seed = outputSeed(run.output);
  return {
    requestId: run.requestId,
    modelId: run.modelId,
    status: run.status,
    input: run.input,
    costMicroUsd: run.costMicroUsd,
    ...(run.refunded ? { refunded: true } : {}),
    submittedAt: new Date(run.submittedAt).toISOString(),
    ...(run.finishedAt === undefined ? {} : { finishedAt: new Date(run.finishedAt).toISOString() }),
    images: outputImages(run.output),
    ...(video ? { video } : {}),
    ...(seed === undefined ? {} : { seed }),
  };
}

import { randomInt } from "node:crypto";
import { editPath } from "./edits";
import { hashPrompt, imagePath } from "./images";
import type { ImageRequest } from "./model-input";
import { videoContentType, videoPath } from "./video-store";

export type SeededRequest = Omit<ImageRequest, "seed"> & {
  seed: number;
  /** Set for the image models: the outputs are drawn from the input image (edits.ts). */
  editId?: string;
};

export type ModelOutput = {
  images: { url: string; width: number; height: number; content_type: "image/png" }[];
  seed: number;
  timings: { inference: number };
  has_nsfw_concepts: boolean[];
  prompt: string;
};

/** A video model's run: its clip is kept in the video store under `videoId`. */
export type VideoRun = {
  kind: "video";
  prompt: string;
  seed: number;
  seconds: number;
  videoId: string;
};

/** What a run makes: images, or a video. */
export type RunInput = SeededRequest | VideoRun;

/** fal's video models' output (`{ video: File }`, as their pages state it). */
export type VideoOutput = {
  video: { url: string; content_type: typeof videoContentType; file_name: string };
};

export const isVideoRun = (input: RunInput): input is VideoRun => "videoId" in input;

/** Picks the seed up front so status, result and image URLs all agree on it. */
export function withSeed(request: ImageRequest): SeededRequest {
  return { ...request, seed: request.seed ?? randomInt(0, 2 ** 31 - 1) };
}

/** The output of the model that ran, pointing at the emulator's own files. */
export function buildOutput(
  input: RunInput,
  publicUrl: string,
  runMs: number,
): ModelOutput | VideoOutput {
  if (!isVideoRun(input)) return imageOutput(input, publicUrl, runMs);
  const url = `${publicUrl}${videoPath(input.videoId)}`;
  return { video: { url, content_type: videoContentType, file_name: "output.webm" } };
}

/** The output shape of fal's image models, pointing at emulator-drawn PNGs. */
function imageOutput(request: SeededRequest, publicUrl: string, runMs: number): ModelOutput {
  const promptHash = hashPrompt(request.prompt);
  const { width, height, seed } = request;
  const images = Array.from({ length: request.numImages }, (_, index) => ({
    url: `${publicUrl}${
      request.editId === undefined
        ? imagePath({ width, height, seed, index, promptHash })
        : editPath(request.editId, index)
    }`,
    width,
    height,
    content_type: "image/png" as const,
  }));
  return {
    images,
    seed,
    timings: { inference: runMs / 1000 },
    has_nsfw_concepts: images.map(() => false),
    prompt: request.prompt,
  };
}

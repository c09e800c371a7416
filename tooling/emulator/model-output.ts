import { randomInt } from "node:crypto";
import { editPath } from "./edits";
import { hashPrompt, imagePath } from "./images";
import type { ImageRequest } from "./model-input";

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

/** Picks the seed up front so status, result and image URLs all agree on it. */
export function withSeed(request: ImageRequest): SeededRequest {
  return { ...request, seed: request.seed ?? randomInt(0, 2 ** 31 - 1) };
}

/** The output shape of fal's image models, pointing at emulator-drawn PNGs. */
export function buildOutput(request: SeededRequest, publicUrl: string, runMs: number): ModelOutput {
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

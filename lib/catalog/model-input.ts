import type { ImageSize } from "./image-sizes";

/**
 * The shapes of a model's input. The check itself (zod) is in check-model-input.ts, so the
 * page loads it once it is interactive rather than in its first load.
 */

/** fal seeds are unsigned 32-bit integers. */
export const maxSeed = 2 ** 32 - 1;

/** What the form asks for. */
export type GenerationRequest = {
  prompt: string;
  imageSize: ImageSize;
  numImages: number;
  seed?: number;
};

/** The input fal receives: what the caller chose, within the entry's limits, and its fixed fields. */
export type ModelInput = {
  prompt: string;
  image_size: ImageSize;
  num_images: number;
  seed?: number;
  [fixed: string]: number | boolean | string | undefined;
};

/** Why an input was refused, naming the field, in words a caller can act on. */
export type InputRefusal = { field: string; message: string };

export type CheckedInput = { ok: true; input: ModelInput } | { ok: false; refusal: InputRefusal };

/** The form's choices as the model input the proxy expects. */
export function formModelInput(request: GenerationRequest): Record<string, unknown> {
  return {
    prompt: request.prompt,
    image_size: request.imageSize,
    num_images: request.numImages,
    ...(request.seed === undefined ? {} : { seed: request.seed }),
  };
}

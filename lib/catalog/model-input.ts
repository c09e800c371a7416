import type { ImageSize } from "./image-sizes";
import { type CatalogModel, makesVideo } from "./model-definition";
import type { VideoChoice } from "./video-options";

/**
 * The shapes of a model's input. The check itself (zod) is in check-model-input.ts, so the
 * page loads it once it is interactive rather than in its first load.
 */

/** fal seeds are unsigned 32-bit integers. */
export const maxSeed = 2 ** 32 - 1;

/** What the form asks for. */
export type GenerationRequest = {
  prompt: string;
  /** Text-to-image only: an image model's output follows its input image. */
  imageSize: ImageSize;
  numImages: number;
  seed?: number;
  /** The input image, for models that take one: a URL on fal's media hosts (an upload or an output). */
  imageUrl?: string;
  /** image-to-image only, within the entry's `strength` range; the entry's default when absent. */
  strength?: number;
  /** Video models only: the clip's duration, aspect ratio, resolution and audio. */
  video?: VideoChoice;
};

/** The input fal receives: what the caller chose, within the entry's limits, and its fixed fields. */
export type ModelInput = {
  prompt: string;
  /** Text-to-image only: an image model's output follows its input image. */
  image_size?: ImageSize;
  /** Image models only, always set by the check; a video model makes one video. */
  num_images?: number;
  seed?: number;
  image_url?: string;
  strength?: number;
  /** Video models only, always set by the check: fal's values, such as `"8s"` and `"720p"`. */
  duration?: string;
  aspect_ratio?: string;
  resolution?: string;
  /** Video models that offer audio only, always set by the check (false unless asked). */
  generate_audio?: boolean;
  [fixed: string]: number | boolean | string | undefined;
};

/** Why an input was refused, naming the field, in words a caller can act on. */
export type InputRefusal = { field: string; message: string };

export type CheckedInput = { ok: true; input: ModelInput } | { ok: false; refusal: InputRefusal };

/** The form's choices as the model input the proxy expects for `model`. */
export function formModelInput(
  model: CatalogModel,
  request: GenerationRequest,
): Record<string, unknown> {
  const seed = request.seed === undefined ? {} : { seed: request.seed };
  if (makesVideo(model)) {
    const { video } = request;
    return {
      prompt: request.prompt,
      ...(model.kind === "image-to-video" ? { image_url: request.imageUrl } : {}),
      ...(video && {
        duration: video.duration,
        aspect_ratio: video.aspectRatio,
        resolution: video.resolution,
        ...(model.video.audio ? { generate_audio: video.audio } : {}),
      }),
      ...seed,
    };
  }
  const textOnly = model.kind === "text-to-image";
  return {
    prompt: request.prompt,
    ...(textOnly ? { image_size: request.imageSize } : { image_url: request.imageUrl }),
    num_images: request.numImages,
    ...seed,
    ...(model.kind === "image-to-image" && request.strength !== undefined
      ? { strength: request.strength }
      : {}),
  };
}

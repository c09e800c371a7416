import * as z from "zod/mini";
import { imageUrlSchema } from "./image-url-schema";
import type { ExtraMediaOrigins } from "./media-url";
import { takesImage, type VideoModel } from "./model-definition";
import type { ModelInput } from "./model-input";
import { type Choices, defaultVideoChoice } from "./video-options";

function oneOf(field: string, values: Choices) {
  return z.optional(z.enum(values, { error: `${field} must be one of: ${values.join(", ")}.` }));
}

/**
 * What a video model's caller may send besides the prompt and seed: the entry's durations,
 * aspect ratios and resolutions, audio where the entry offers it, and the input image of an
 * image-to-video model. Nothing else: no image count, no size preset.
 */
export function videoInputFields(model: VideoModel, extraOrigins: ExtraMediaOrigins) {
  const { durations, aspectRatios, resolutions, audio } = model.video;
  return {
    duration: oneOf("duration", durations),
    aspect_ratio: oneOf("aspect_ratio", aspectRatios),
    resolution: oneOf("resolution", resolutions),
    ...(audio
      ? {
          generate_audio: z.optional(z.boolean({ error: "generate_audio must be true or false." })),
        }
      : {}),
    ...(takesImage(model) ? { image_url: imageUrlSchema(model.name, extraOrigins) } : {}),
  };
}

type VideoChoices = {
  duration?: string;
  aspect_ratio?: string;
  resolution?: string;
  generate_audio?: boolean;
  image_url?: string;
};

/**
 * The checked choices of a video model, every one sent explicitly (the first value of each
 * list, and no audio, when left out): fal's own defaults (8 s, with audio) are its dearest, and
 * what fal bills must be what the estimate priced.
 */
export function videoInput(model: VideoModel, chosen: VideoChoices): Partial<ModelInput> {
  const start = defaultVideoChoice(model.video);
  return {
    duration: chosen.duration ?? start.duration,
    aspect_ratio: chosen.aspect_ratio ?? start.aspectRatio,
    resolution: chosen.resolution ?? start.resolution,
    ...(model.video.audio ? { generate_audio: chosen.generate_audio ?? start.audio } : {}),
    ...(takesImage(model) ? { image_url: chosen.image_url } : {}),
  };
}

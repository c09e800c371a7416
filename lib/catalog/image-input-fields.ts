import * as z from "zod/mini";
import { type ImageSize, imageSizeNames } from "./image-sizes";
import { imageUrlSchema } from "./image-url-schema";
import type { ExtraMediaOrigins } from "./media-url";
import { type ModelDefinition, type NumberRange, strengthOf, takesImage } from "./model-definition";
import type { ModelInput } from "./model-input";

/** What an image model's caller may send besides the prompt and seed. */
export function imageInputFields(model: ModelDefinition, extraOrigins: ExtraMediaOrigins) {
  const numImages = {
    num_images: z.optional(
      z.int({ error: `num_images must be a whole number from 1 to ${model.maxImages}.` }).check(
        z.gte(1, { error: "num_images must be at least 1." }),
        z.lte(model.maxImages, {
          error: `num_images must be at most ${model.maxImages} for ${model.name}.`,
        }),
      ),
    ),
  };
  if (!takesImage(model)) {
    const error = `image_size must be one of: ${imageSizeNames.join(", ")}.`;
    return { image_size: z.optional(z.enum(imageSizeNames, { error })), ...numImages };
  }
  const strength = strengthOf(model);
  return {
    image_url: imageUrlSchema(model.name, extraOrigins),
    ...(strength ? { strength: z.optional(strengthSchema(strength)) } : {}),
    ...numImages,
  };
}

function strengthSchema({ min, max }: NumberRange) {
  const error = `strength must be a number from ${min} to ${max}.`;
  return z.number({ error }).check(z.gte(min, { error }), z.lte(max, { error }));
}

type ImageChoices = {
  image_size?: ImageSize;
  num_images?: number;
  image_url?: string;
  strength?: number;
};

/** The checked choices of an image model, each left out filled in from the entry. */
export function imageInput(model: ModelDefinition, chosen: ImageChoices): Partial<ModelInput> {
  const range = strengthOf(model);
  return {
    ...(takesImage(model)
      ? { image_url: chosen.image_url }
      : { image_size: chosen.image_size ?? model.defaultImageSize }),
    ...(range ? { strength: chosen.strength ?? range.default } : {}),
    num_images: chosen.num_images ?? 1,
  };
}

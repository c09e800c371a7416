import type { ImageDimensions } from "@/lib/catalog/cost";
import { type ImageSize, imageSizeNames } from "@/lib/catalog/image-sizes";
import { type ModelDefinition, strengthOf, takesImage } from "@/lib/catalog/model-definition";
import type { GenerationRequest } from "@/lib/catalog/model-input";

/** What the form holds. The input image is not here: it has its own upload state. */
export type FormValues = {
  prompt: string;
  modelId: string;
  imageSize: ImageSize;
  numImages: number;
  seed: string;
  /** image-to-image only; the entry's default until changed. */
  strength: number | undefined;
};

export function initialFormValues(models: readonly ModelDefinition[]): FormValues {
  const first = models[0];
  // Image models have no size: the form holds the first text-to-image model's, for when one
  // is picked (with none, the size is never shown or sent).
  const textModel = models.find((model) => !takesImage(model));
  return {
    prompt: "",
    modelId: first?.id ?? "",
    imageSize: textModel?.defaultImageSize ?? imageSizeNames[0],
    numImages: 1,
    seed: "",
    strength: first && strengthOf(first)?.default,
  };
}

/** The form switched to `model`: its own strength default, the rest kept. */
export function withModel(values: FormValues, model: ModelDefinition): FormValues {
  return { ...values, modelId: model.id, strength: strengthOf(model)?.default };
}

/** A request as the form shows it: after a reload (resume) or from history. */
export function formValuesOf(model: ModelDefinition, request: GenerationRequest): FormValues {
  return {
    prompt: request.prompt,
    modelId: model.id,
    imageSize: request.imageSize,
    numImages: request.numImages,
    seed: request.seed === undefined ? "" : String(request.seed),
    strength: request.strength ?? strengthOf(model)?.default,
  };
}

/** The image a run of `model` would use, when it takes one: what the estimate is priced on. */
export type ChosenImage = { url: string; dimensions?: ImageDimensions } | undefined;

/** What the form asks `model` for: only the fields that model takes. */
export function requestOf(
  values: FormValues,
  model: ModelDefinition,
  image: ChosenImage,
  seed: number | undefined,
): GenerationRequest {
  const numImages = Math.min(values.numImages, model.maxImages);
  return {
    prompt: values.prompt,
    imageSize: values.imageSize,
    numImages,
    ...(seed === undefined ? {} : { seed }),
    ...(takesImage(model) && image ? { imageUrl: image.url } : {}),
    ...(model.kind === "image-to-image" && values.strength !== undefined
      ? { strength: values.strength }
      : {}),
  };
}

import type { ImageDimensions } from "@/lib/catalog/cost";
import { type ImageSize, imageSizeNames } from "@/lib/catalog/image-sizes";
import {
  type CatalogModel,
  makesVideo,
  strengthOf,
  takesImage,
} from "@/lib/catalog/model-definition";
import type { GenerationRequest } from "@/lib/catalog/model-input";
import { defaultVideoChoice, type VideoChoice } from "@/lib/catalog/video-options";

/** What the form holds. The input image is not here: it has its own upload state. */
export type FormValues = {
  prompt: string;
  modelId: string;
  imageSize: ImageSize;
  numImages: number;
  seed: string;
  /** image-to-image only; the entry's default until changed. */
  strength: number | undefined;
  /** Video models only: each value one the entry lists. */
  video: VideoChoice | undefined;
};

/**
 * The video choices `model` allows, keeping each of `current` it also lists (switching from
 * Veo 3.1 at 4k to Veo 3.1 Lite keeps the duration and drops the resolution to 720p).
 */
export function videoChoiceFor(model: CatalogModel, current?: VideoChoice) {
  if (!makesVideo(model)) return undefined;
  const { durations, aspectRatios, resolutions, audio } = model.video;
  const start = defaultVideoChoice(model.video);
  const kept = (values: readonly string[], value: string | undefined, fallback: string) =>
    value !== undefined && values.includes(value) ? value : fallback;
  return {
    duration: kept(durations, current?.duration, start.duration),
    aspectRatio: kept(aspectRatios, current?.aspectRatio, start.aspectRatio),
    resolution: kept(resolutions, current?.resolution, start.resolution),
    audio: audio && (current?.audio ?? start.audio),
  };
}

export function initialFormValues(models: readonly CatalogModel[]): FormValues {
  const first = models[0];
  // Only text-to-image models have a size: the form holds the first one's, for when one is
  // picked (with none, the size is never shown or sent).
  const textModel = models.find((model) => model.kind === "text-to-image");
  return {
    prompt: "",
    modelId: first?.id ?? "",
    imageSize: textModel?.defaultImageSize ?? imageSizeNames[0],
    numImages: 1,
    seed: "",
    strength: first && strengthOf(first)?.default,
    video: first && videoChoiceFor(first),
  };
}

/** The form switched to `model`: its own strength default, video choices it allows, the rest kept. */
export function withModel(values: FormValues, model: CatalogModel): FormValues {
  return {
    ...values,
    modelId: model.id,
    strength: strengthOf(model)?.default,
    video: videoChoiceFor(model, values.video),
  };
}

/** A request as the form shows it: after a reload (resume) or from history. */
export function formValuesOf(model: CatalogModel, request: GenerationRequest): FormValues {
  return {
    prompt: request.prompt,
    modelId: model.id,
    imageSize: request.imageSize,
    numImages: request.numImages,
    seed: request.seed === undefined ? "" : String(request.seed),
    strength: request.strength ?? strengthOf(model)?.default,
    video: videoChoiceFor(model, request.video),
  };
}

/** The image a run of `model` would use, when it takes one: what the estimate is priced on. */
export type ChosenImage = { url: string; dimensions?: ImageDimensions } | undefined;

/** What the form asks `model` for: only the fields that model takes. */
export function requestOf(
  values: FormValues,
  model: CatalogModel,
  image: ChosenImage,
  seed: number | undefined,
): GenerationRequest {
  const video = videoChoiceFor(model, values.video);
  return {
    prompt: values.prompt,
    imageSize: values.imageSize,
    // A video model makes one clip.
    numImages: makesVideo(model) ? 1 : Math.min(values.numImages, model.maxImages),
    ...(seed === undefined ? {} : { seed }),
    ...(takesImage(model) && image ? { imageUrl: image.url } : {}),
    ...(model.kind === "image-to-image" && values.strength !== undefined
      ? { strength: values.strength }
      : {}),
    ...(video ? { video } : {}),
  };
}

import type { ImageSize } from "./image-sizes";
import type { VideoOptions } from "./video-options";

/**
 * A model as the rest of the app reads it, every default filled in (lib/catalog/models.ts
 * builds the catalog). Kept apart from the entries so the browser's code, which gets the
 * catalog as props, does not load the entries and the price table as well.
 */
export type ModelPrice = {
  /** US dollars per `unit`, as fal's pricing endpoint gives it for this endpoint. */
  unitPriceUsd: number;
  /** fal's billing unit. */
  unit: string;
  currency: string;
  /** The UTC day the price was read (YYYY-MM-DD). */
  readOn: string;
};

/**
 * What a model takes and makes: a prompt alone, a prompt and an image to edit (the output
 * follows the image), a prompt and an image to transform with a strength; or a video from a
 * prompt, or from a prompt and an image. The UI shows which models need an image; the input
 * check requires `image_url` for those and refuses it for the others.
 */
export type ModelKind =
  | "text-to-image"
  | "image-edit"
  | "image-to-image"
  | "text-to-video"
  | "image-to-video";

export type VideoKind = "text-to-video" | "image-to-video";
export type ImageKind = Exclude<ModelKind, VideoKind>;

/** A bounded number the caller chooses, with the value the form starts at. */
export type NumberRange = { min: number; max: number; default: number; step: number };

type ModelCommon = {
  /** The fal endpoint id, as in `fal.queue.submit(id, …)`. */
  id: string;
  name: string;
  description: string;
  /** The model's page at fal: its price, licence and full input schema. */
  page: string;
  price: ModelPrice;
  /**
   * Inputs the owner sets: sent as they are, and a caller may leave them out but never
   * change them (the safety checker stays on, no synchronous mode, no costlier step counts,
   * no prompt rewriting the user did not write).
   */
  fixed: Readonly<Record<string, number | boolean | string>>;
  maxPromptLength: number;
};

/** What every image model adds: how fal bills its images, and how many a run may ask for. */
type ImageCommon = {
  /** What `price.unit` counts: each output image's megapixels, rounded up, or whole images. */
  billedPer: "megapixel" | "image";
  maxImages: number;
};

/** What every video model adds: fal bills each second of video, at a rate per variant. */
type VideoCommon = {
  billedPer: "second";
  /** The durations, aspect ratios, resolutions and audio a caller may choose, and their rates. */
  video: VideoOptions;
};

/**
 * What each kind adds to a model, and nothing it would ignore: an image model's output follows
 * its input image, so it has no size preset; only image-to-image has a strength.
 */
export type KindFields = {
  "text-to-image": {
    /** The size preset the form starts at. */
    defaultImageSize: ImageSize;
  };
  "image-edit": Record<never, never>;
  "image-to-image": {
    /** How far the output may move away from the input image. */
    strength: NumberRange;
  };
  "text-to-video": Record<never, never>;
  "image-to-video": Record<never, never>;
};

export type ModelOfKind<K extends ModelKind> = ModelCommon & { kind: K } & KindFields[K] &
  (K extends VideoKind ? VideoCommon : ImageCommon);
export type TextToImageModel = ModelOfKind<"text-to-image">;
export type ImageModel = ModelOfKind<"image-edit"> | ModelOfKind<"image-to-image">;
export type VideoModel = ModelOfKind<"text-to-video"> | ModelOfKind<"image-to-video">;
/** A model that makes images, from words or from an image. */
export type ModelDefinition = TextToImageModel | ImageModel;
/** Any entry of the catalog, video models included. */
export type CatalogModel = ModelDefinition | VideoModel;

/** Whether the model takes an input image (`image_url`), which the form must then ask for. */
export function takesImage(
  model: CatalogModel,
): model is ImageModel | ModelOfKind<"image-to-video"> {
  return model.kind !== "text-to-image" && model.kind !== "text-to-video";
}

/** Whether the model makes a video, billed per second, rather than images. */
export function makesVideo(model: CatalogModel): model is VideoModel {
  return model.kind === "text-to-video" || model.kind === "image-to-video";
}

/** The strength the caller may choose: image-to-image only. */
export function strengthOf(model: CatalogModel): NumberRange | undefined {
  return model.kind === "image-to-image" ? model.strength : undefined;
}

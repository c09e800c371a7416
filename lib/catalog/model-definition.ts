import type { ImageSize } from "./image-sizes";

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
 * What a model takes: a prompt alone, a prompt and an image to edit (the output follows the
 * image), or a prompt and an image to transform with a strength. The UI shows which models need
 * an image; the input check requires `image_url` for the last two and refuses it for the first.
 */
export type ModelKind = "text-to-image" | "image-edit" | "image-to-image";

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
  /** What `price.unit` counts: each output image's megapixels, rounded up, or whole images. */
  billedPer: "megapixel" | "image";
  /**
   * Inputs the owner sets: sent as they are, and a caller may leave them out but never
   * change them (the safety checker stays on, no synchronous mode, no costlier step counts).
   */
  fixed: Readonly<Record<string, number | boolean | string>>;
  maxImages: number;
  maxPromptLength: number;
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
};

export type ModelOfKind<K extends ModelKind> = ModelCommon & { kind: K } & KindFields[K];
export type TextToImageModel = ModelOfKind<"text-to-image">;
export type ImageModel = ModelOfKind<"image-edit"> | ModelOfKind<"image-to-image">;
export type ModelDefinition = TextToImageModel | ImageModel;

/** Whether the model takes an input image (`image_url`), which the form must then ask for. */
export function takesImage(model: ModelDefinition): model is ImageModel {
  return model.kind !== "text-to-image";
}

/** The strength the caller may choose: image-to-image only. */
export function strengthOf(model: ModelDefinition): NumberRange | undefined {
  return model.kind === "image-to-image" ? model.strength : undefined;
}

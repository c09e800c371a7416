import { maxUploadSide } from "@/lib/uploads/image-upload-policy";
import type { ImageSize } from "./image-sizes";
import prices from "./prices.json";

/**
 * The model catalog: the only fal endpoints this app calls. The proxy allows exactly these
 * (`allowedEndpoints`), checks every input against the entry (lib/catalog/model-input.ts) and
 * charges its estimated cost (lib/catalog/cost.ts); the UI offers exactly these. Adding a model
 * is one entry here and its price in prices.json (`npm run prices` refreshes them).
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

/**
 * The largest input image the app accepts, in pixels per side: what the browser shrinks an
 * upload to. The upload route decodes the real size and refuses anything larger, and the proxy
 * charges by it (an image's output, and so its price, follows its input).
 */
export const maxInputImageSide = maxUploadSide;

export type ModelDefinition = {
  /** The fal endpoint id, as in `fal.queue.submit(id, …)`. */
  id: string;
  name: string;
  description: string;
  kind: ModelKind;
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
  /** The size preset the form starts at; text-to-image only (an image model's output follows its input). */
  defaultImageSize: ImageSize;
  maxImages: number;
  maxPromptLength: number;
  /** image-to-image only: how far the output may move away from the input image. */
  strength?: NumberRange;
};

export const models = [
  {
    id: "fal-ai/flux/schnell",
    name: "FLUX.1 [schnell]",
    description: "Fast: four steps, good for drafts.",
    kind: "text-to-image",
    page: "https://fal.ai/models/fal-ai/flux/schnell",
    price: prices["fal-ai/flux/schnell"],
    billedPer: "megapixel",
    fixed: { num_inference_steps: 4, enable_safety_checker: true, sync_mode: false },
    defaultImageSize: "landscape_4_3",
    maxImages: 4,
    maxPromptLength: 2_000,
  },
  {
    id: "fal-ai/flux/dev",
    name: "FLUX.1 [dev]",
    description: "Higher quality: 28 steps, slower and dearer.",
    kind: "text-to-image",
    page: "https://fal.ai/models/fal-ai/flux/dev",
    price: prices["fal-ai/flux/dev"],
    billedPer: "megapixel",
    fixed: {
      num_inference_steps: 28,
      guidance_scale: 3.5,
      enable_safety_checker: true,
      sync_mode: false,
    },
    defaultImageSize: "landscape_4_3",
    maxImages: 4,
    maxPromptLength: 2_000,
  },
  {
    id: "fal-ai/flux-pro/kontext",
    name: "FLUX.1 Kontext [pro]",
    description: "Edits your image as the prompt says; billed per image.",
    kind: "image-edit",
    page: "https://fal.ai/models/fal-ai/flux-pro/kontext",
    price: prices["fal-ai/flux-pro/kontext"],
    billedPer: "image",
    // fal's defaults, fixed: Kontext has no safety checker switch, its filter is safety_tolerance
    // (1 strictest, 6 most permissive); no prompt rewriting the user did not write.
    fixed: { guidance_scale: 3.5, safety_tolerance: "2", enhance_prompt: false, sync_mode: false },
    defaultImageSize: "landscape_4_3",
    maxImages: 4,
    maxPromptLength: 2_000,
  },
  {
    id: "fal-ai/flux/dev/image-to-image",
    name: "FLUX.1 [dev] image-to-image",
    description: "Redraws your image from the prompt; lower strength keeps more of it.",
    kind: "image-to-image",
    page: "https://fal.ai/models/fal-ai/flux/dev/image-to-image",
    price: prices["fal-ai/flux/dev/image-to-image"],
    billedPer: "megapixel",
    fixed: {
      num_inference_steps: 40,
      guidance_scale: 3.5,
      enable_safety_checker: true,
      sync_mode: false,
    },
    defaultImageSize: "landscape_4_3",
    maxImages: 4,
    maxPromptLength: 2_000,
    strength: { min: 0.01, max: 1, default: 0.95, step: 0.01 },
  },
] as const satisfies readonly ModelDefinition[];

export type ModelId = (typeof models)[number]["id"];

/** For `createRouteHandler`: the endpoint paths a POST may target. */
export const allowedEndpoints: string[] = models.map((model) => model.id);

export function findModel(id: string): ModelDefinition | undefined {
  return models.find((model) => model.id === id);
}

/** Whether the model takes an input image (`image_url`), which the form must then ask for. */
export function takesImage(model: Pick<ModelDefinition, "kind">): boolean {
  return model.kind !== "text-to-image";
}

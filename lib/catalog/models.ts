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

export type ModelDefinition = {
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
  defaultImageSize: ImageSize;
  maxImages: number;
  maxPromptLength: number;
};

export const models = [
  {
    id: "fal-ai/flux/schnell",
    name: "FLUX.1 [schnell]",
    description: "Fast: four steps, good for drafts.",
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
] as const satisfies readonly ModelDefinition[];

export type ModelId = (typeof models)[number]["id"];

/** For `createRouteHandler`: the endpoint paths a POST may target. */
export const allowedEndpoints: string[] = models.map((model) => model.id);

export function findModel(id: string): ModelDefinition | undefined {
  return models.find((model) => model.id === id);
}

import {
  buildCatalog,
  type CatalogEntry,
  type KindDefaults,
  type SharedDefaults,
} from "./build-catalog";
import type { ModelDefinition } from "./model-definition";
import prices from "./prices.json";

// For the proxy, which takes the catalog from here. The browser's code imports the type from
// model-definition.ts, so its bundle carries neither the entries nor the price table.
export type { ModelDefinition } from "./model-definition";

/**
 * The model catalog: the only fal endpoints this app calls. The proxy allows exactly these
 * (`allowedEndpoints`), checks every input against the entry (lib/catalog/check-model-input.ts)
 * and charges its estimated cost (lib/catalog/cost.ts); the UI offers exactly these. Adding a
 * model is one entry below and its price in prices.json (`npm run prices` refreshes them): its
 * fal page and price follow from its id, and what it leaves out, from the defaults.
 */

/** What every model gets unless its entry says otherwise. */
const shared: SharedDefaults = { maxImages: 4, maxPromptLength: 2_000 };

/** What each kind adds unless its entry says otherwise; a kind has only the fields it uses. */
const byKind: KindDefaults = {
  "text-to-image": { defaultImageSize: "landscape_4_3" },
  // The output follows the input image: no size preset.
  "image-edit": {},
  // fal's range and default for FLUX.1 [dev] image-to-image.
  "image-to-image": { strength: { min: 0.01, max: 1, default: 0.95, step: 0.01 } },
};

const entries: readonly CatalogEntry[] = [
  {
    id: "fal-ai/flux/schnell",
    name: "FLUX.1 [schnell]",
    description: "Fast: four steps, good for drafts.",
    kind: "text-to-image",
    billedPer: "megapixel",
    fixed: { num_inference_steps: 4, enable_safety_checker: true, sync_mode: false },
  },
  {
    id: "fal-ai/flux/dev",
    name: "FLUX.1 [dev]",
    description: "Higher quality: 28 steps, slower and dearer.",
    kind: "text-to-image",
    billedPer: "megapixel",
    fixed: {
      num_inference_steps: 28,
      guidance_scale: 3.5,
      enable_safety_checker: true,
      sync_mode: false,
    },
  },
  {
    id: "fal-ai/flux-pro/kontext",
    name: "FLUX.1 Kontext [pro]",
    description: "Edits your image as the prompt says; billed per image.",
    kind: "image-edit",
    billedPer: "image",
    // fal's defaults, fixed: Kontext has no safety checker switch, its filter is safety_tolerance
    // (1 strictest, 6 most permissive); no prompt rewriting the user did not write.
    fixed: { guidance_scale: 3.5, safety_tolerance: "2", enhance_prompt: false, sync_mode: false },
  },
  {
    id: "fal-ai/flux/dev/image-to-image",
    name: "FLUX.1 [dev] image-to-image",
    description: "Redraws your image from the prompt; lower strength keeps more of it.",
    kind: "image-to-image",
    billedPer: "megapixel",
    fixed: {
      num_inference_steps: 40,
      guidance_scale: 3.5,
      enable_safety_checker: true,
      sync_mode: false,
    },
  },
];

export const models: readonly ModelDefinition[] = buildCatalog({
  shared,
  byKind,
  entries,
  prices,
});

/** For `createRouteHandler`: the endpoint paths a POST may target. */
export const allowedEndpoints: string[] = models.map((model) => model.id);

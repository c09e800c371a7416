import {
  buildCatalog,
  type CatalogEntry,
  type KindDefaults,
  type SharedDefaults,
} from "./build-catalog";
import type { CatalogModel } from "./model-definition";
import prices from "./prices.json";

// For the proxy, which takes the catalog from here. The browser's code imports the type from
// model-definition.ts, so its bundle carries neither the entries nor the price table.
export type { CatalogModel, ModelDefinition } from "./model-definition";

/**
 * The model catalog: the only fal endpoints this app calls. The proxy allows exactly these
 * (`allowedEndpoints`), checks every input against the entry (lib/catalog/check-model-input.ts)
 * and charges its estimated cost (lib/catalog/cost.ts); the UI offers exactly these. Adding a
 * model is one entry below and its price in prices.json (`npm run prices` refreshes them): its
 * fal page and price follow from its id, and what it leaves out, from the defaults.
 */

/** What every model gets unless its entry says otherwise (`maxImages`: every image model). */
const shared: SharedDefaults = { maxImages: 4, maxPromptLength: 2_000 };

/** What each kind adds unless its entry says otherwise; a kind has only the fields it uses. */
const byKind: KindDefaults = {
  "text-to-image": { defaultImageSize: "landscape_4_3" },
  // The output follows the input image: no size preset.
  "image-edit": {},
  // fal's range and default for FLUX.1 [dev] image-to-image.
  "image-to-image": { strength: { min: 0.01, max: 1, default: 0.95, step: 0.01 } },
  // A video entry lists its own choices (video-options.ts): a run that leaves one out gets
  // the first, the cheapest, and no audio.
  "text-to-video": {},
  "image-to-video": {},
};

// fal's Veo inputs: the page's default moderation, kept; no prompt rewriting the user did not write.
const veoFixed = { safety_tolerance: "4", auto_fix: false } as const;
const veoDurations = ["4s", "6s", "8s"] as const;
// Veo 3.1 Lite's per-second prices (its page), the same for text and image to video.
const liteRates = {
  "720p": { silent: 0.03, withAudio: 0.05 },
  "1080p": { silent: 0.05, withAudio: 0.08 },
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
    id: "fal-ai/flux-2",
    name: "FLUX.2 [dev]",
    description: "Newer: more realistic, with crisper text; 28 steps.",
    kind: "text-to-image",
    billedPer: "megapixel",
    fixed: {
      num_inference_steps: 28,
      guidance_scale: 2.5,
      acceleration: "regular",
      enable_prompt_expansion: false,
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
  {
    id: "fal-ai/veo3.1/lite",
    name: "Veo 3.1 Lite",
    description: "Short clips from words, inexpensive; sound if you ask for it.",
    kind: "text-to-video",
    billedPer: "second",
    fixed: veoFixed,
    video: {
      durations: veoDurations,
      aspectRatios: ["16:9", "9:16"],
      resolutions: ["720p", "1080p"],
      audio: true,
      secondRates: liteRates,
    },
  },
  {
    id: "fal-ai/veo3.1",
    name: "Veo 3.1",
    description: "Google's best video model, with sound; dearest per second.",
    kind: "text-to-video",
    billedPer: "second",
    fixed: veoFixed,
    video: {
      durations: veoDurations,
      aspectRatios: ["16:9", "9:16"],
      resolutions: ["720p", "1080p", "4k"],
      audio: true,
      secondRates: {
        "720p": { silent: 0.2, withAudio: 0.4 },
        "1080p": { silent: 0.2, withAudio: 0.4 },
        "4k": { silent: 0.4, withAudio: 0.6 },
      },
    },
  },
  {
    id: "fal-ai/veo3.1/lite/image-to-video",
    name: "Veo 3.1 Lite image-to-video",
    description: "Sets your image in motion as the prompt says.",
    kind: "image-to-video",
    billedPer: "second",
    fixed: veoFixed,
    video: {
      durations: veoDurations,
      // "auto" keeps the image's own proportions.
      aspectRatios: ["auto", "16:9", "9:16"],
      resolutions: ["720p", "1080p"],
      audio: true,
      secondRates: liteRates,
    },
  },
];

/**
 * Every entry, video models included, each checked and priced (`checkModelInput`, the cost):
 * what the form offers and the proxy takes.
 */
export const catalog: readonly CatalogModel[] = buildCatalog({ shared, byKind, entries, prices });

/** For `createRouteHandler`: the endpoint paths a POST may target, those the proxy runs. */
export const allowedEndpoints: string[] = catalog.map((model) => model.id);

/**
 * The emulator's own prices, fal's published figures (per `unit`, in `currency`). The
 * emulator stands alone, so it does not read the app's lib/catalog/prices.json: a refresh
 * against it proves the script, not that the two files agree.
 */
export type EmulatedPrice = {
  unitPrice: number;
  /**
   * fal's billing unit: `image` for FLUX is per megapixel of output, rounded up per image;
   * `video_second` is per second of video, at the price of the model's base variant (its
   * lowest resolution, without audio).
   */
  unit: string;
  currency: string;
};

export const emulatedPrices: ReadonlyMap<string, EmulatedPrice> = new Map([
  ["fal-ai/flux/schnell", { unitPrice: 0.003, unit: "image", currency: "USD" }],
  ["fal-ai/flux/dev", { unitPrice: 0.025, unit: "image", currency: "USD" }],
  ["fal-ai/flux-pro/kontext", { unitPrice: 0.04, unit: "image", currency: "USD" }],
  ["fal-ai/flux/dev/image-to-image", { unitPrice: 0.03, unit: "image", currency: "USD" }],
  ["fal-ai/flux-2", { unitPrice: 0.012, unit: "image", currency: "USD" }],
  ["fal-ai/veo3.1/lite", { unitPrice: 0.03, unit: "video_second", currency: "USD" }],
  ["fal-ai/veo3.1", { unitPrice: 0.2, unit: "video_second", currency: "USD" }],
  ["fal-ai/veo3.1/lite/image-to-video", { unitPrice: 0.03, unit: "video_second", currency: "USD" }],
]);

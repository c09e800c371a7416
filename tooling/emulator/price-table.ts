/**
 * The emulator's own prices, fal's published figures (per `unit`, in `currency`). The
 * emulator stands alone, so it does not read the app's lib/catalog/prices.json: a refresh
 * against it proves the script, not that the two files agree.
 */
export type EmulatedPrice = {
  unitPrice: number;
  /** fal's billing unit; `image` for FLUX is per megapixel of output, rounded up per image. */
  unit: string;
  currency: string;
};

export const emulatedPrices: ReadonlyMap<string, EmulatedPrice> = new Map([
  ["fal-ai/flux/schnell", { unitPrice: 0.003, unit: "image", currency: "USD" }],
  ["fal-ai/flux/dev", { unitPrice: 0.025, unit: "image", currency: "USD" }],
  ["fal-ai/flux-pro/kontext", { unitPrice: 0.04, unit: "image", currency: "USD" }],
  ["fal-ai/flux/dev/image-to-image", { unitPrice: 0.03, unit: "image", currency: "USD" }],
]);

import { imageSizes } from "./image-sizes";
import type { ModelInput } from "./model-input";
import type { ModelDefinition } from "./models";
import { microUsdPerUsd } from "./money";

/** fal counts a 1024 × 1024 image as one megapixel. */
const pixelsPerMegapixel = 1024 * 1024;

/**
 * What fal will bill for `input`, in micro-dollars, at most: fal bills only successful
 * outputs, per image or per megapixel of each image rounded up. The proxy charges this
 * against the budgets before it calls fal; the form shows it before the user generates.
 */
export function estimateCostMicroUsd(model: ModelDefinition, input: ModelInput): number {
  const unitMicroUsd = Math.round(model.price.unitPriceUsd * microUsdPerUsd);
  const { width, height } = imageSizes[input.image_size];
  const unitsPerImage =
    model.billedPer === "megapixel" ? Math.ceil((width * height) / pixelsPerMegapixel) : 1;
  return input.num_images * unitsPerImage * unitMicroUsd;
}

import { maxUploadSide } from "@/lib/uploads/image-upload-policy";
import { imageSizes } from "./image-sizes";
import {
  type CatalogModel,
  type ModelDefinition,
  makesVideo,
  takesImage,
} from "./model-definition";
import type { ModelInput } from "./model-input";
import { microUsdPerUsd } from "./money";
import { videoCostMicroUsd } from "./video-cost";

/** fal counts a 1024 × 1024 image as one megapixel. */
const pixelsPerMegapixel = 1024 * 1024;

/**
 * A model may round an input image's sides up before drawing (to multiples of 8, 16 or 32
 * pixels); counting each side up to a multiple of 64 covers any of them.
 */
const sideRounding = 64;

export type ImageDimensions = { width: number; height: number };

/**
 * The largest input image the proxy accepts, and so the dearest output it lets fal draw: the
 * upload route decodes each image and refuses one with a longer side.
 */
export const largestInputImage: ImageDimensions = {
  width: maxUploadSide,
  height: maxUploadSide,
};

function outputSize(model: ModelDefinition, input: ModelInput, inputImage?: ImageDimensions) {
  if (!takesImage(model)) return imageSizes[input.image_size ?? model.defaultImageSize];
  const { width, height } = inputImage ?? largestInputImage;
  const roundUp = (side: number) => Math.ceil(side / sideRounding) * sideRounding;
  return { width: roundUp(width), height: roundUp(height) };
}

function imageCostMicroUsd(
  model: ModelDefinition,
  input: ModelInput,
  inputImage?: ImageDimensions,
) {
  const unitMicroUsd = Math.round(model.price.unitPriceUsd * microUsdPerUsd);
  const { width, height } = outputSize(model, input, inputImage);
  const unitsPerImage =
    model.billedPer === "megapixel" ? Math.ceil((width * height) / pixelsPerMegapixel) : 1;
  return (input.num_images ?? 1) * unitsPerImage * unitMicroUsd;
}

/**
 * What fal will bill for `input`, in micro-dollars, at most: fal bills only successful
 * outputs, per image or per megapixel of each image rounded up, or per second of video at its
 * variant's rate (video-cost.ts). An image model's output follows its input image: the proxy
 * passes the size recorded when the image was uploaded or made; without one (the form before
 * it knows), the estimate assumes the largest image accepted. A video's price does not depend
 * on its input image. The proxy charges this against the budgets before it calls fal.
 */
export function estimateCostMicroUsd(
  model: CatalogModel,
  input: ModelInput,
  inputImage?: ImageDimensions,
): number {
  return makesVideo(model)
    ? videoCostMicroUsd(model, input)
    : imageCostMicroUsd(model, input, inputImage);
}

/**
 * What a model's output holds, read the same way wherever fal's answer is looked at: by the
 * proxy (to record what the user may give a model next) and by the history (to show it). fal
 * answers `{ images: [{ url, width, height, … }] }` for image models and `{ video: { url, … } }`
 * for video models; anything else in it is passed on, never trusted.
 */
export type OutputImage = { url: string; width?: number; height?: number };
export type OutputVideo = { url: string; contentType?: string };

/** More than any catalog model returns; a longer list is not read past this. */
const maxImages = 16;
const maxSide = 100_000;

const isSide = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value > 0 && value <= maxSide;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The images of an output, with their sizes where fal gives whole, sane ones. */
export function outputImages(output: unknown): OutputImage[] {
  if (!isRecord(output) || !Array.isArray(output.images)) return [];
  const images: OutputImage[] = [];
  for (const image of output.images.slice(0, maxImages)) {
    if (!isRecord(image) || typeof image.url !== "string") continue;
    const { url, width, height } = image;
    images.push(isSide(width) && isSide(height) ? { url, width, height } : { url });
  }
  return images;
}

/** The video of an output, if it has one. */
export function outputVideo(output: unknown): OutputVideo | undefined {
  if (!isRecord(output) || !isRecord(output.video) || typeof output.video.url !== "string") {
    return undefined;
  }
  const { url, content_type } = output.video;
  return typeof content_type === "string" ? { url, contentType: content_type } : { url };
}

/** The seed fal drew with, when it says. */
export function outputSeed(output: unknown): number | undefined {
  return isRecord(output) && typeof output.seed === "number" ? output.seed : undefined;
}

import "server-only";
import type { MediaFile } from "../stores/media-ownership";

/** More than any catalog model returns; a larger list is not recorded past this. */
const maxFilesPerOutput = 16;
const maxSide = 100_000;

const isSide = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value > 0 && value <= maxSide;

/**
 * The images in a model's output as fal returns it (`{ images: [{ url, width, height }] }`),
 * with their sizes where fal states them: what the user may give a model next ("Edit this
 * image"), recorded as the result passes back through the proxy.
 */
export function outputFilesOf(output: unknown): MediaFile[] {
  if (typeof output !== "object" || output === null) return [];
  const { images } = output as { images?: unknown };
  if (!Array.isArray(images)) return [];
  const files: MediaFile[] = [];
  for (const image of images.slice(0, maxFilesPerOutput)) {
    if (typeof image !== "object" || image === null) continue;
    const { url, width, height } = image as Record<string, unknown>;
    if (typeof url !== "string") continue;
    files.push(isSide(width) && isSide(height) ? { url, width, height } : { url });
  }
  return files;
}

/**
 * Draws an image model's output from its input, so an edit visibly depends on the image it
 * was given: the input's pixels (decode-image.ts) resampled to the output size, posterised
 * (fewer levels the higher the strength) and tinted by a colour from the prompt, seed and index.
 */
import { createHash } from "node:crypto";
import { PNG } from "pngjs";
import { decodeImage } from "./decode-image";
import type { EditSpec } from "./edits";
import type { ImageModelKind } from "./image-models";
import { maxSide, minSide } from "./model-input";

/**
 * The output size: image-to-image keeps the input's, an edit draws about one megapixel
 * in the input's proportions (sides in multiples of 16), as fal's models do.
 */
export function outputSize(kind: ImageModelKind, width: number, height: number) {
  const clamp = (side: number) => Math.min(maxSide, Math.max(minSide, side));
  if (kind === "image-to-image") return { width: clamp(width), height: clamp(height) };
  const scale = Math.sqrt((1024 * 1024) / (width * height));
  const side = (value: number) => clamp(Math.round((value * scale) / 16) * 16);
  return { width: side(width), height: side(height) };
}

/** Output `index` of `spec`, as a PNG. */
export async function renderEdit(spec: EditSpec, index: number): Promise<Buffer> {
  const source = await decodeImage(spec.source);
  // The same bytes decoded when the run was submitted (prepare-run.ts), so this cannot happen
  // short of a bug; it is a 500, not a drawing of nothing.
  if (typeof source === "string") throw new Error(`An edit's input no longer decodes: ${source}`);
  const tint = createHash("sha256")
    .update(`${spec.kind}:${spec.promptHash}:${spec.seed}:${index}`)
    .digest();
  const levels = 2 + Math.round((1 - spec.strength) * 14);
  const mix = spec.kind === "edit" ? 0.35 : 0.2 + 0.6 * spec.strength;
  const step = 255 / (levels - 1);
  const { width, height } = spec;
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    const sy = Math.min(source.height - 1, Math.floor(((y + 0.5) * source.height) / height));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(source.width - 1, Math.floor(((x + 0.5) * source.width) / width));
      const from = (sy * source.width + sx) * 4;
      const i = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) {
        const posterised = Math.round((source.rgba[from + c] ?? 0) / step) * step;
        png.data[i + c] = Math.round(posterised * (1 - mix) + (tint[c] ?? 0) * mix);
      }
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png, { colorType: 2, deflateLevel: 4, filterType: 1 });
}

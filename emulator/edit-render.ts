/**
 * Draws an image model's output from its input, so an edit visibly depends on the image it
 * was given: the input resampled to the output size, posterised (fewer levels the higher the
 * strength) and tinted by a colour from the prompt, seed and index. PNG (pngjs) and JPEG
 * (jpeg-js) are decoded; WebP is not, and stands in as a gradient from a hash of its bytes.
 */
import { createHash } from "node:crypto";
import { imageSize } from "image-size";
import { decode as decodeJpeg } from "jpeg-js";
import { PNG } from "pngjs";
import type { EditSpec } from "./edits";
import type { ImageModelKind } from "./image-models";
import { maxSide, minSide } from "./model-input";

export type DecodedImage = {
  width: number;
  height: number;
  /** RGBA, row by row; absent for WebP, which the emulator does not decode. */
  rgba?: Uint8Array;
  fingerprint: Buffer;
};

const decodable = new Set(["png", "jpg", "webp"]);

/** The decoded image, or why it cannot be used as an input. */
export function decodeImage(bytes: Buffer): DecodedImage | string {
  let size: ReturnType<typeof imageSize> | undefined;
  try {
    size = imageSize(bytes);
  } catch {
    size = undefined;
  }
  if (!size?.type || !decodable.has(size.type) || !size.width || !size.height) {
    return "Could not load the image: it is not a PNG, JPEG or WebP image";
  }
  const { width, height } = size;
  // Checked before decoding, so a small file cannot claim a huge canvas.
  if (width > maxSide || height > maxSide) {
    return `The image is ${width}x${height}; at most ${maxSide} pixels a side is supported`;
  }
  const fingerprint = createHash("sha256").update(bytes).digest();
  try {
    if (size.type === "png") return { width, height, rgba: PNG.sync.read(bytes).data, fingerprint };
    if (size.type === "jpg") {
      const jpeg = decodeJpeg(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: 5 });
      return { width: jpeg.width, height: jpeg.height, rgba: jpeg.data, fingerprint };
    }
  } catch {
    return "Could not load the image: it could not be decoded";
  }
  return { width, height, fingerprint };
}

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

function sampler(image: DecodedImage): (x: number, y: number) => [number, number, number] {
  const { rgba, width, height, fingerprint } = image;
  if (rgba) {
    return (x, y) => {
      const i = (y * width + x) * 4;
      return [rgba[i] ?? 0, rgba[i + 1] ?? 0, rgba[i + 2] ?? 0];
    };
  }
  const [r0 = 0, g0 = 0, b0 = 0, r1 = 0, g1 = 0, b1 = 0] = fingerprint;
  return (x, y) => {
    const t = (x / width + y / height) / 2;
    return [r0 + (r1 - r0) * t, g0 + (g1 - g0) * t, b0 + (b1 - b0) * t];
  };
}

/** Output `index` of `spec`, as a PNG. */
export function renderEdit(spec: EditSpec, index: number): Buffer {
  const decoded = decodeImage(spec.source);
  const source: DecodedImage =
    typeof decoded === "string"
      ? { width: 1, height: 1, fingerprint: createHash("sha256").update(spec.source).digest() }
      : decoded;
  const tint = createHash("sha256")
    .update(`${spec.kind}:${spec.promptHash}:${spec.seed}:${index}`)
    .digest();
  const levels = 2 + Math.round((1 - spec.strength) * 14);
  const mix = spec.kind === "edit" ? 0.35 : 0.2 + 0.6 * spec.strength;
  const step = 255 / (levels - 1);
  const at = sampler(source);
  const { width, height } = spec;
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    const sy = Math.min(source.height - 1, Math.floor(((y + 0.5) * source.height) / height));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(source.width - 1, Math.floor(((x + 0.5) * source.width) / width));
      const pixel = at(sx, sy);
      const i = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) {
        const posterised = Math.round((pixel[c] ?? 0) / step) * step;
        png.data[i + c] = Math.round(posterised * (1 - mix) + (tint[c] ?? 0) * mix);
      }
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png, { colorType: 2, deflateLevel: 4, filterType: 1 });
}

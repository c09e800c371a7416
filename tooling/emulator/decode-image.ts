/**
 * Decodes an image model's input the way fal's Python workers load it (Pillow, with truncated
 * images allowed): PNG, JPEG, WebP and GIF, to RGBA with EXIF orientation applied, drawing
 * what survives of a damaged file. The emulator is meant to be the lenient side, so that tests
 * of the app's own refusals of damaged images are never masked by the emulator refusing first.
 */
import sharp, { type Metadata } from "sharp";
import { maxSide } from "./model-input";

export type DecodedImage = {
  /** After EXIF orientation. */
  width: number;
  height: number;
  /** RGBA, row by row. */
  rgba: Uint8Array;
};

// What fal's image models take. sharp would read SVG, TIFF, AVIF, PDF… too; those are refused.
const formats: ReadonlySet<string> = new Set(["png", "jpeg", "webp", "gif"]);

const notAnImage = "Could not load the image: it is not a PNG, JPEG, WebP or GIF image";

/** Damage is drawn as far as it goes: only a file libvips cannot read at all is an error. */
const lenient = { failOn: "none" } as const;

/** The decoded image, or why it cannot be used as an input. */
export async function decodeImage(bytes: Buffer): Promise<DecodedImage | string> {
  let header: Metadata;
  try {
    // Reads the header only, never pixels, so no pixel limit here: the refusal can name the
    // size a file claims.
    header = await sharp(bytes, { ...lenient, limitInputPixels: false }).metadata();
  } catch {
    return notAnImage;
  }
  const { format, width, height } = header;
  if (!formats.has(format) || !width || !height) return notAnImage;
  // Before any pixel is decoded, so a small file cannot claim a huge canvas.
  if (width > maxSide || height > maxSide) {
    return `The image is ${width}x${height}; at most ${maxSide} pixels a side is supported`;
  }
  try {
    // The pixel limit again, in libvips itself: whatever the header said, no more than a
    // maxSide square is ever allocated.
    const { data, info } = await sharp(bytes, {
      ...lenient,
      limitInputPixels: maxSide * maxSide,
      autoOrient: true,
    })
      // sharp converts to sRGB on the way out; with alpha, greyscale, palette and CMYK inputs
      // all come out as four channels.
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, rgba: data };
  } catch {
    return "Could not load the image: it could not be decoded";
  }
}

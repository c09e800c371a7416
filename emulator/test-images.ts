/**
 * Input images for the emulator's tests, damaged or deceptive on purpose: PNGs put together
 * chunk by chunk (so a CRC can be wrong or a header can lie), a truncated JPEG, an SVG.
 */
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";

const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** One PNG chunk: length, type, data and the CRC of type and data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function ihdr(width: number, height: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = 8; // bits per channel
  data[9] = 6; // RGBA
  return pngChunk("IHDR", data);
}

/** A few hundred bytes whose header declares `width` x `height`: a decompression bomb. */
export function claimedSizePng(width: number, height: number): Buffer {
  const rows = deflateSync(Buffer.alloc(1024));
  return Buffer.concat([
    signature,
    ihdr(width, height),
    pngChunk("IDAT", rows),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** An RGBA image of the given size whose pixel colours follow `colour(x, y)`. */
export function rgbaPixels(
  width: number,
  height: number,
  colour: (x: number, y: number) => [number, number, number],
): Buffer {
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rgba.set([...colour(x, y), 255], (y * width + x) * 4);
  }
  return rgba;
}

/**
 * A valid-looking PNG of these pixels whose image data comes in two IDAT chunks, the second
 * (the last chunk before IEND) with a wrong CRC.
 */
export function pngWithBadLateCrc(width: number, height: number, rgba: Buffer): Buffer {
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const data = deflateSync(rows);
  const half = Math.floor(data.length / 2);
  const late = pngChunk("IDAT", data.subarray(half));
  late.writeUInt32BE(late.readUInt32BE(late.length - 4) ^ 0xffff, late.length - 4);
  const early = pngChunk("IDAT", data.subarray(0, half));
  return Buffer.concat([
    signature,
    ihdr(width, height),
    early,
    late,
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A JPEG of these pixels cut off after `fraction` of its bytes, partway through its scan. */
export async function truncatedJpeg(
  width: number,
  height: number,
  rgba: Buffer,
  fraction: number,
): Promise<Buffer> {
  const jpeg = await sharp(rgba, { raw: { width, height, channels: 4 } })
    .jpeg({ quality: 90 })
    .toBuffer();
  return jpeg.subarray(0, Math.floor(jpeg.length * fraction));
}

export const svgText = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="red"/></svg>',
);

export const htmlText = Buffer.from("<!doctype html><html><body><p>not an image</p></body></html>");

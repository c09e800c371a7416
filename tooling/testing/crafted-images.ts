/**
 * Images built byte by byte for the upload tests: files whose header says one thing and whose
 * pixels another, damaged ones, bombs and polyglots, as an attacker would send them.
 */
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG chunk: length, type, data and the CRC of type and data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** 8 bits per sample; colour type 2 is RGB, 6 is RGBA. */
function ihdr(width: number, height: number, colourType: 2 | 6 = 2): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = 8;
  data[9] = colourType;
  return pngChunk("IHDR", data);
}

/** A plain image of one colour, as sharp (libvips) writes it. */
export function solidImage(
  width: number,
  height: number,
  format: "png" | "jpeg" | "webp" | "gif" = "png",
): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#c0392b" } })
    .toFormat(format)
    .toBuffer();
}

/**
 * A kilobyte or so whose header declares `width` × `height`, with a few rows of data: a
 * decompression bomb (50,000 a side is 7.5 GB of RGB).
 */
export function pngDeclaring(width = 50_000, height = width): Buffer {
  return Buffer.concat([
    pngSignature,
    ihdr(width, height),
    pngChunk("IDAT", deflateSync(Buffer.alloc(1024))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Apple's CgBI PNG: a chunk before IHDR, which readers that look for IHDR anywhere skip. */
export function cgbiPng(png: Buffer): Buffer {
  const cgbi = pngChunk("CgBI", Buffer.from([0x50, 0x00, 0x20, 0x06]));
  return Buffer.concat([pngSignature, cgbi, png.subarray(pngSignature.length)]);
}

/** A PNG whose first chunk is a second, smaller IHDR: two answers to "how large is it?". */
export function pngWithDecoyHeader(png: Buffer, decoy = { width: 64, height: 64 }): Buffer {
  return Buffer.concat([
    pngSignature,
    ihdr(decoy.width, decoy.height),
    png.subarray(pngSignature.length),
  ]);
}

/**
 * A JPEG with a decoy frame header (SOF0 saying `decoy`) inside an APP1 segment before the
 * real one: a reader that scans for FFC0 instead of walking segments finds the decoy.
 */
export function jpegWithDecoyFrame(jpeg: Buffer, decoy = { width: 64, height: 64 }): Buffer {
  const sof = Buffer.from([
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    decoy.height >> 8,
    decoy.height & 0xff,
    decoy.width >> 8,
    decoy.width & 0xff,
    0x03,
    0x01,
    0x22,
    0x00,
    0x02,
    0x11,
    0x01,
    0x03,
    0x11,
    0x01,
  ]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, sof.length + 2]), sof]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

/** The first `fraction` of a file: an upload cut off. */
export function truncated(bytes: Buffer, fraction = 0.6): Buffer {
  return bytes.subarray(0, Math.floor(bytes.length * fraction));
}

/** A photo as a phone takes it: a JPEG with EXIF (a GPS position) and an orientation. */
export function phonePhoto(width: number, height: number, orientation = 6): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#2e86de" } })
    .jpeg()
    .withMetadata({ orientation })
    .withExifMerge({
      IFD0: { Make: "PhoneCo" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 2400/100" },
    })
    .toBuffer();
}

/** RGBA pixels of the given size, coloured by `colour(x, y)`. */
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

/** A PNG of these pixels in two IDAT chunks, the second (the last before IEND) with a wrong CRC. */
export function pngWithBadLateCrc(width: number, height: number, rgba: Buffer): Buffer {
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  const data = deflateSync(rows);
  const half = Math.floor(data.length / 2);
  const late = pngChunk("IDAT", data.subarray(half));
  late.writeUInt32BE(late.readUInt32BE(late.length - 4) ^ 0xffff, late.length - 4);
  return Buffer.concat([
    pngSignature,
    ihdr(width, height, 6),
    pngChunk("IDAT", data.subarray(0, half)),
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
  return truncated(jpeg, fraction);
}

export const svgText = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="red"/></svg>',
);

export const htmlText = Buffer.from("<!doctype html><html><body><p>not an image</p></body></html>");

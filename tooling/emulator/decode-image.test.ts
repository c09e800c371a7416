import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  htmlText,
  pngDeclaring,
  pngWithBadLateCrc,
  rgbaPixels,
  svgText,
  truncatedJpeg,
} from "../testing/crafted-images";
import { decodeImage } from "./decode-image";

// Busy enough that a JPEG of it is mostly scan data, so a cut lands inside the pixels.
const busy = (x: number, y: number): [number, number, number] => [
  (x * 4) % 256,
  (y * 4) % 256,
  (x * y * 31) % 256,
];

const encode = (width: number, height: number, rgba: Buffer) =>
  sharp(rgba, { raw: { width, height, channels: 4 } });

async function decoded(bytes: Buffer) {
  const image = await decodeImage(bytes);
  if (typeof image === "string") throw new Error(`expected an image, got: ${image}`);
  return image;
}

const notAnImage = "Could not load the image: it is not a PNG, JPEG, WebP or GIF image";

describe("decodeImage", () => {
  it("decodes PNG, JPEG, WebP and GIF to RGBA pixels", async () => {
    const rgba = rgbaPixels(40, 30, (x) => (x < 20 ? [0, 0, 0] : [255, 255, 255]));
    for (const format of ["png", "jpeg", "webp", "gif"] as const) {
      const image = await decoded(await encode(40, 30, rgba).toFormat(format).toBuffer());
      expect([format, image.width, image.height, image.rgba.length]).toEqual([
        format,
        40,
        30,
        40 * 30 * 4,
      ]);
      // Left black, right white, whatever the format's losses.
      expect(image.rgba[0]).toBeLessThan(40);
      expect(image.rgba[(30 * 40 - 1) * 4]).toBeGreaterThan(215);
    }
  });

  it("applies EXIF orientation, and gives greyscale four channels", async () => {
    const rgba = rgbaPixels(40, 20, () => [200, 30, 30]);
    const rotated = await encode(40, 20, rgba).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect(await decoded(rotated)).toMatchObject({ width: 20, height: 40 });
    const neutral = rgbaPixels(10, 5, () => [120, 120, 120]);
    const grey = await encode(10, 5, neutral).removeAlpha().toColourspace("b-w").png().toBuffer();
    expect((await sharp(grey).metadata()).channels).toBe(1);
    const { rgba: greyRgba } = await decoded(grey);
    expect([greyRgba.length, ...greyRgba.subarray(0, 4)]).toEqual([10 * 5 * 4, 120, 120, 120, 255]);
  });

  // The app's server refuses both (lib/proxy); the emulator, like Pillow with
  // LOAD_TRUNCATED_IMAGES, draws what it can, so those refusals are the app's own.
  it("draws a truncated JPEG as far as it goes", async () => {
    const rgba = rgbaPixels(128, 96, busy);
    const image = await decoded(await truncatedJpeg(128, 96, rgba, 0.5));
    expect(image).toMatchObject({ width: 128, height: 96 });
    const red = (x: number, y: number) => image.rgba[(y * 128 + x) * 4] ?? -1;
    // The top rows are the picture (JPEG's losses aside); the bottom, never sent, is grey.
    for (const x of [0, 40, 80, 120]) expect(Math.abs(red(x, 0) - busy(x, 0)[0])).toBeLessThan(24);
    expect([red(0, 95), red(120, 95)]).toEqual([128, 128]);
  });

  it("decodes a PNG whose last image chunk has a wrong CRC", async () => {
    const rgba = rgbaPixels(48, 32, busy);
    const image = await decoded(pngWithBadLateCrc(48, 32, rgba));
    expect(image).toMatchObject({ width: 48, height: 32 });
    expect(Buffer.from(image.rgba).equals(rgba)).toBe(true);
  });

  it("refuses what is not an image: HTML, SVG text, a few bytes", async () => {
    for (const bytes of [htmlText, svgText, Buffer.from("hello"), Buffer.alloc(0)]) {
      expect(await decodeImage(bytes)).toBe(notAnImage);
    }
  });

  it("refuses a canvas over maxSide from its header, before decoding a pixel", async () => {
    const wide = await encode(2049, 4, rgbaPixels(2049, 4, busy))
      .png()
      .toBuffer();
    expect(await decodeImage(wide)).toBe(
      "The image is 2049x4; at most 2048 pixels a side is supported",
    );
    // A few hundred bytes declaring 2.5 gigapixels: named from the header, never allocated.
    const bomb = pngDeclaring(50_000, 50_000);
    expect(bomb.length).toBeLessThan(200);
    expect(await decodeImage(bomb)).toBe(
      "The image is 50000x50000; at most 2048 pixels a side is supported",
    );
  });
});

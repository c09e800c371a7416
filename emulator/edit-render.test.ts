import { encode as encodeJpeg } from "jpeg-js";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { decodeImage, outputSize, renderEdit } from "./edit-render";
import type { EditSpec } from "./edits";
import { hashPrompt } from "./images";

/** A PNG whose left half is black and right half white (or the other way round). */
function halves(width: number, height: number, leftDark = true): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    const dark = i % width < width / 2 === leftDark;
    png.data.fill(dark ? 0 : 255, i * 4, i * 4 + 3);
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}

const spec = (source: Buffer, change: Partial<EditSpec> = {}): EditSpec => ({
  kind: "image-to-image",
  source,
  width: 64,
  height: 48,
  seed: 1,
  numImages: 1,
  strength: 0.5,
  promptHash: hashPrompt("a watercolour"),
  ...change,
});

function brightness(png: Buffer, fromX: number, toX: number): number {
  const { data, width, height } = PNG.sync.read(png);
  let sum = 0;
  for (let y = 0; y < height; y++) {
    for (let x = fromX; x < toX; x++) sum += data[(y * width + x) * 4] ?? 0;
  }
  return sum / (height * (toX - fromX));
}

const meanDifference = (a: Buffer, b: Buffer) => {
  const left = PNG.sync.read(a).data;
  const right = PNG.sync.read(b).data;
  let sum = 0;
  for (let i = 0; i < left.length; i++) sum += Math.abs((left[i] ?? 0) - (right[i] ?? 0));
  return sum / left.length;
};

describe("decodeImage", () => {
  it("decodes PNG and JPEG, and knows a WebP's size without decoding it", () => {
    const png = decodeImage(halves(40, 30));
    expect(png).toMatchObject({ width: 40, height: 30 });
    expect(typeof png !== "string" && png.rgba?.length).toBe(40 * 30 * 4);
    const jpeg = encodeJpeg({ data: Buffer.alloc(20 * 10 * 4, 200), width: 20, height: 10 }, 90);
    expect(decodeImage(jpeg.data)).toMatchObject({ width: 20, height: 10 });
    const webp = Buffer.alloc(30);
    webp.write("RIFF", 0, "latin1");
    webp.write("WEBPVP8X", 8, "latin1");
    webp.writeUInt32LE(10, 16);
    webp.writeUIntLE(99, 24, 3);
    webp.writeUIntLE(49, 27, 3);
    const decoded = decodeImage(webp);
    expect(decoded).toMatchObject({ width: 100, height: 50 });
    expect(typeof decoded !== "string" && decoded.rgba).toBeUndefined();
  });

  it("refuses what is not an image, and a canvas larger than it draws, before decoding", () => {
    expect(decodeImage(Buffer.from("GIF89a\x10\x00\x10\x00\x00\x00\x00;", "latin1"))).toMatch(
      /not a PNG, JPEG or WebP/,
    );
    expect(decodeImage(Buffer.from("hello"))).toMatch(/not a PNG, JPEG or WebP/);
    const header = Buffer.from(halves(8, 8).subarray(0, 33));
    header.writeUInt32BE(40_000, 16);
    expect(decodeImage(header)).toBe(
      "The image is 40000x8; at most 2048 pixels a side is supported",
    );
  });
});

describe("outputSize", () => {
  it("keeps an image-to-image input's size, and draws an edit at about a megapixel", () => {
    expect(outputSize("image-to-image", 640, 480)).toEqual({ width: 640, height: 480 });
    expect(outputSize("edit", 2048, 1536)).toEqual({ width: 1184, height: 880 });
    expect(outputSize("edit", 512, 512)).toEqual({ width: 1024, height: 1024 });
  });
});

describe("renderEdit", () => {
  it("draws the input: its dark half stays darker than its light half", () => {
    const output = renderEdit(spec(halves(32, 32)), 0);
    expect(brightness(output, 0, 32) + 60).toBeLessThan(brightness(output, 32, 64));
    const mirrored = renderEdit(spec(halves(32, 32, false)), 0);
    expect(brightness(mirrored, 0, 32)).toBeGreaterThan(brightness(mirrored, 32, 64) + 60);
  });

  it("is byte-identical for the same inputs and differs with the prompt, index or strength", () => {
    const base = spec(halves(32, 32));
    expect(renderEdit(base, 0).equals(renderEdit({ ...base }, 0))).toBe(true);
    const other = spec(halves(32, 32), { promptHash: hashPrompt("charcoal") });
    expect(meanDifference(renderEdit(base, 0), renderEdit(other, 0))).toBeGreaterThan(8);
    expect(meanDifference(renderEdit(base, 0), renderEdit(base, 1))).toBeGreaterThan(8);
    const gentle = renderEdit({ ...base, strength: 0.05 }, 0);
    expect(meanDifference(renderEdit(base, 0), gentle)).toBeGreaterThan(4);
  });

  it("draws a WebP input from its bytes' hash: another WebP looks different", () => {
    const webp = (fill: number) => {
      const bytes = Buffer.alloc(40, fill);
      bytes.write("RIFF", 0, "latin1");
      bytes.write("WEBPVP8X", 8, "latin1");
      bytes.writeUInt32LE(10, 16);
      bytes.writeUIntLE(31, 24, 3);
      bytes.writeUIntLE(31, 27, 3);
      return bytes;
    };
    const a = renderEdit(spec(webp(1)), 0);
    expect(PNG.sync.read(a)).toMatchObject({ width: 64, height: 48 });
    expect(meanDifference(a, renderEdit(spec(webp(2)), 0))).toBeGreaterThan(4);
  });
});

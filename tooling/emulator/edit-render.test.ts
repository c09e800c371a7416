import { PNG } from "pngjs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { outputSize, renderEdit } from "./edit-render";
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

describe("outputSize", () => {
  it("keeps an image-to-image input's size, and draws an edit at about a megapixel", () => {
    expect(outputSize("image-to-image", 640, 480)).toEqual({ width: 640, height: 480 });
    expect(outputSize("edit", 2048, 1536)).toEqual({ width: 1184, height: 880 });
    expect(outputSize("edit", 512, 512)).toEqual({ width: 1024, height: 1024 });
  });
});

describe("renderEdit", () => {
  it("draws the input: its dark half stays darker than its light half", async () => {
    const output = await renderEdit(spec(halves(32, 32)), 0);
    expect(brightness(output, 0, 32) + 60).toBeLessThan(brightness(output, 32, 64));
    const mirrored = await renderEdit(spec(halves(32, 32, false)), 0);
    expect(brightness(mirrored, 0, 32)).toBeGreaterThan(brightness(mirrored, 32, 64) + 60);
  });

  it("is byte-identical for the same inputs and differs with the prompt, index or strength", async () => {
    const base = spec(halves(32, 32));
    const first = await renderEdit(base, 0);
    expect(first.equals(await renderEdit({ ...base }, 0))).toBe(true);
    const other = spec(halves(32, 32), { promptHash: hashPrompt("charcoal") });
    expect(meanDifference(first, await renderEdit(other, 0))).toBeGreaterThan(8);
    expect(meanDifference(first, await renderEdit(base, 1))).toBeGreaterThan(8);
    const gentle = await renderEdit({ ...base, strength: 0.05 }, 0);
    expect(meanDifference(first, gentle)).toBeGreaterThan(4);
  });

  it("draws a WebP input from its pixels, as it draws the same pixels from a PNG", async () => {
    // WebPs of one size and encoding that differ only in their pixels.
    const webp = (png: Buffer) => sharp(png).webp({ lossless: true }).toBuffer();
    const asPng = await renderEdit(spec(halves(32, 32)), 0);
    const asWebp = await renderEdit(spec(await webp(halves(32, 32))), 0);
    expect(asWebp.equals(asPng)).toBe(true);
    const mirrored = await renderEdit(spec(await webp(halves(32, 32, false))), 0);
    expect(meanDifference(asWebp, mirrored)).toBeGreaterThan(20);
    expect(brightness(mirrored, 0, 32)).toBeGreaterThan(brightness(mirrored, 32, 64) + 60);
  });

  it("refuses to draw an input that does not decode", async () => {
    await expect(renderEdit(spec(Buffer.from("hello")), 0)).rejects.toThrow(/no longer decodes/);
  });
});

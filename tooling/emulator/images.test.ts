import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { hashPrompt, type ImageSpec, imagePath, parseImagePath, renderPng } from "./images";

const base: ImageSpec = {
  width: 96,
  height: 64,
  seed: 42,
  index: 0,
  promptHash: hashPrompt("a red fox"),
};

function meanDifference(a: Buffer, b: Buffer): number {
  const left = PNG.sync.read(a).data;
  const right = PNG.sync.read(b).data;
  let sum = 0;
  for (let i = 0; i < left.length; i++) sum += Math.abs((left[i] ?? 0) - (right[i] ?? 0));
  return sum / left.length;
}

describe("renderPng", () => {
  it("draws a PNG of the requested size", () => {
    const png = PNG.sync.read(renderPng(base));
    expect([png.width, png.height]).toEqual([96, 64]);
  });

  it("is byte-identical for the same inputs", () => {
    expect(renderPng(base).equals(renderPng({ ...base }))).toBe(true);
  });

  it.each([
    ["prompt", { promptHash: hashPrompt("a blue whale") }],
    ["seed", { seed: 43 }],
    ["index", { index: 1 }],
  ])("looks clearly different for another %s", (_name, change) => {
    expect(meanDifference(renderPng(base), renderPng({ ...base, ...change }))).toBeGreaterThan(8);
  });

  it("renders a 1024x1024 image in well under a second", () => {
    const started = performance.now();
    const png = renderPng({ ...base, width: 1024, height: 1024 });
    expect(performance.now() - started).toBeLessThan(800);
    expect(PNG.sync.read(png).width).toBe(1024);
  });
});

describe("image paths", () => {
  it("round-trips a spec through its URL path", () => {
    const spec = { ...base, seed: -5, index: 3 };
    expect(imagePath(spec)).toBe(`/files/images/96x64/-5/3/${spec.promptHash}.png`);
    expect(parseImagePath(imagePath(spec))).toEqual(spec);
  });

  it.each([
    `/files/images/63x64/1/0/${base.promptHash}.png`,
    `/files/images/64x2049/1/0/${base.promptHash}.png`,
    `/files/images/64x64/1/4/${base.promptHash}.png`,
    `/files/images/64x64/1/0/${base.promptHash.slice(1)}.png`,
    `/files/images/64x64/1.5/0/${base.promptHash}.png`,
    `/files/images/64x64/1/0/${base.promptHash}.png/extra`,
  ])("rejects %s", (path) => {
    expect(parseImagePath(path)).toBeNull();
  });

  it("hashes prompts to 32 hex chars", () => {
    expect(hashPrompt("x")).toMatch(/^[0-9a-f]{32}$/);
    expect(hashPrompt("x")).not.toBe(hashPrompt("y"));
  });
});

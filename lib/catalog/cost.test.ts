import { describe, expect, it } from "vitest";
import { estimateCostMicroUsd } from "./cost";
import type { ImageSize } from "./image-sizes";
import { findModel, type ModelDefinition, models } from "./models";

const input = (image_size: ImageSize, num_images = 1) => ({ prompt: "x", image_size, num_images });
const model = (id: string): ModelDefinition => {
  const found = findModel(id);
  if (!found) throw new Error(`${id} is missing from the catalog`);
  return found;
};

describe("estimateCostMicroUsd", () => {
  it.each([
    // fal bills FLUX per megapixel of each image, rounded up: 1024 × 1024 is one.
    ["fal-ai/flux/schnell", "square_hd", 1, 3_000],
    ["fal-ai/flux/schnell", "square", 1, 3_000],
    ["fal-ai/flux/schnell", "landscape_4_3", 4, 12_000],
    ["fal-ai/flux/dev", "square_hd", 1, 25_000],
    ["fal-ai/flux/dev", "portrait_16_9", 2, 50_000],
    ["fal-ai/flux/dev", "landscape_16_9", 4, 100_000],
  ] as const)("%s, %s × %i costs %i µ$", (id, size, count, expected) => {
    expect(estimateCostMicroUsd(model(id), input(size, count))).toBe(expected);
  });

  it("rounds each image up to whole megapixels, and bills per image when the model does", () => {
    const perMegapixel: ModelDefinition = { ...model("fal-ai/flux/dev"), billedPer: "megapixel" };
    const perImage: ModelDefinition = { ...perMegapixel, billedPer: "image" };
    // square (512 × 512) is a quarter of a megapixel, billed as one.
    expect(estimateCostMicroUsd(perMegapixel, input("square"))).toBe(25_000);
    expect(estimateCostMicroUsd(perImage, input("square_hd", 3))).toBe(75_000);
  });

  it("prices every catalog model from its catalog price", () => {
    for (const entry of models) {
      const unit = Math.round(entry.price.unitPriceUsd * 1_000_000);
      expect(estimateCostMicroUsd(entry, input("square_hd", 2))).toBe(2 * unit);
    }
  });
});

import { describe, expect, it } from "vitest";
import { catalogModel } from "../../tooling/testing/catalog-model";
import { estimateCostMicroUsd, largestInputImage } from "./cost";
import type { ImageSize } from "./image-sizes";
import { type ModelDefinition, makesVideo } from "./model-definition";
import { catalog } from "./models";

const input = (image_size: ImageSize, num_images = 1) => ({ prompt: "x", image_size, num_images });
const model = (id: string) => catalogModel(id, "text-to-image");
const img2img = catalogModel("fal-ai/flux/dev/image-to-image", "image-to-image");

describe("estimateCostMicroUsd", () => {
  it.each([
    // fal bills FLUX per megapixel of each image, rounded up: 1024 × 1024 is one.
    ["fal-ai/flux/schnell", "square_hd", 1, 3_000],
    ["fal-ai/flux/schnell", "square", 1, 3_000],
    ["fal-ai/flux/schnell", "landscape_4_3", 4, 12_000],
    ["fal-ai/flux/dev", "square_hd", 1, 25_000],
    ["fal-ai/flux/dev", "portrait_16_9", 2, 50_000],
    ["fal-ai/flux/dev", "landscape_16_9", 4, 100_000],
    // FLUX.2 [dev]: $0.012 per megapixel, rounded up per image.
    ["fal-ai/flux-2", "square_hd", 1, 12_000],
    ["fal-ai/flux-2", "square", 2, 24_000],
    ["fal-ai/flux-2", "landscape_4_3", 4, 48_000],
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
    for (const entry of catalog) {
      const unit = Math.round(entry.price.unitPriceUsd * 1_000_000);
      const square = { width: 1024, height: 1024 };
      // Two images of one megapixel, or eight seconds of the base variant.
      const [units, asked] = makesVideo(entry)
        ? [8, { prompt: "x", duration: "8s", resolution: entry.video.resolutions[0] }]
        : [2, input("square_hd", 2)];
      expect(estimateCostMicroUsd(entry, asked, square), entry.id).toBe(units * unit);
    }
  });
});

describe("estimateCostMicroUsd: image models", () => {
  const edit = { prompt: "x", image_url: "https://v3.fal.media/files/a.png", num_images: 1 };

  it.each([
    // FLUX.1 [dev] image-to-image bills each output megapixel, and the output follows the input.
    [512, 512, 1, 30_000],
    [1024, 1024, 1, 30_000],
    [1024, 768, 3, 90_000],
    [1536, 1024, 1, 60_000],
    [2048, 2048, 1, 120_000],
    [2048, 2048, 4, 480_000],
    // A side a model might round up (1000 → 1024) stays within the same megapixel count...
    [1000, 1000, 1, 30_000],
    // ...and one just past a megapixel boundary is counted past it.
    [1030, 1024, 1, 60_000],
  ])("image-to-image of a %i × %i input, %i image(s), costs %i µ$", (w, h, n, expected) => {
    const input = { ...edit, num_images: n, strength: 0.9 };
    expect(estimateCostMicroUsd(img2img, input, { width: w, height: h })).toBe(expected);
  });

  it("bills an edit per image, whatever the input's size", () => {
    const kontext = catalogModel("fal-ai/flux-pro/kontext", "image-edit");
    expect(estimateCostMicroUsd(kontext, edit, { width: 64, height: 64 })).toBe(40_000);
    expect(estimateCostMicroUsd(kontext, { ...edit, num_images: 4 }, largestInputImage)).toBe(
      160_000,
    );
  });

  it("assumes the largest accepted input when the size is not known yet (the form)", () => {
    expect(largestInputImage).toEqual({ width: 2048, height: 2048 });
    expect(estimateCostMicroUsd(img2img, edit)).toBe(120_000);
  });
});

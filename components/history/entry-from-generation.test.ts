import { describe, expect, it } from "vitest";
import type { Generation } from "@/components/generator/use-generation";
import type { ModelInput } from "@/lib/catalog/model-input";
import { models } from "@/lib/catalog/models";
import { entryFromGeneration } from "./entry-from-generation";

const [model] = models;
const generation: Generation = {
  requestId: "req-1",
  model,
  prompt: "A heron at dawn",
  images: [
    { url: "https://v3.fal.media/files/a.png", width: 1024, height: 768 },
    { url: "https://v3.fal.media/files/b.png", width: 1024, height: 768 },
  ],
  seed: 7,
  inferenceSeconds: 0.5,
  elapsedMs: 2_400,
};

describe("entryFromGeneration", () => {
  it("keeps the settings as sent, with the seed fal used and when it finished", () => {
    const input = {
      prompt: "A heron at dawn",
      image_size: "landscape_4_3",
      num_images: 2,
    } as const;
    expect(entryFromGeneration(generation, input, 1_000)).toEqual({
      version: 1,
      id: "req-1",
      finishedAt: 1_000,
      prompt: "A heron at dawn",
      model: { id: model.id, name: model.name },
      settings: { imageSize: "landscape_4_3", numImages: 2, seed: 7 },
      images: generation.images,
      timings: { elapsedMs: 2_400, inferenceSeconds: 0.5 },
    });
  });

  it("keeps an image model's input image and strength", () => {
    const input = {
      prompt: "A heron at dawn",
      num_images: 2,
      image_url: "https://v3.fal.media/files/in.png",
      strength: 0.8,
    } as unknown as ModelInput; // no image_size: an image model's output follows its input
    const { settings } = entryFromGeneration(generation, input, 1_000);
    expect(settings).toStrictEqual({
      numImages: 2,
      seed: 7,
      imageUrl: "https://v3.fal.media/files/in.png",
      strength: 0.8,
    });
  });

  it("reads what it can from the result when the page did not send the input", () => {
    const { settings } = entryFromGeneration(generation, undefined, 1_000);
    expect(settings).toStrictEqual({ numImages: 2, seed: 7 });
  });
});

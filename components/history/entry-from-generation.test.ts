import { describe, expect, it } from "vitest";
import type { Generation } from "@/components/generator/use-generation";
import { type ModelDefinition, catalog as models } from "@/lib/catalog/models";
import { entryFromGeneration } from "./entry-from-generation";

const model = (kind: ModelDefinition["kind"]) => {
  const found = models.find((entry) => entry.kind === kind);
  if (!found) throw new Error(`no ${kind} model in the catalog`);
  return found;
};

const generation = (overrides: Partial<Generation> = {}): Generation => ({
  requestId: "req-1",
  model: model("text-to-image"),
  request: { prompt: "A heron at dawn", imageSize: "landscape_4_3", numImages: 2 },
  images: [
    { url: "https://v3.fal.media/files/a.png", width: 1024, height: 768 },
    { url: "https://v3.fal.media/files/b.png", width: 1024, height: 768 },
  ],
  seed: 7,
  timings: { inferenceSeconds: 0.5, elapsedMs: 2_400 },
  startedAt: 0,
  finishedAt: 2_400,
  ...overrides,
});

describe("entryFromGeneration", () => {
  it("keeps the settings as asked, with the seed fal used and when it finished", () => {
    const text = model("text-to-image");
    expect(entryFromGeneration(generation())).toEqual({
      version: 1,
      id: "req-1",
      finishedAt: 2_400,
      prompt: "A heron at dawn",
      model: { id: text.id, name: text.name },
      settings: { imageSize: "landscape_4_3", numImages: 2, seed: 7 },
      images: generation().images,
      timings: { elapsedMs: 2_400, inferenceSeconds: 0.5 },
    });
  });

  it("keeps an image model's input image and strength, and no size (its output follows the input)", () => {
    const { settings } = entryFromGeneration(
      generation({
        model: model("image-to-image"),
        request: {
          prompt: "A heron at dawn",
          imageSize: "landscape_4_3",
          numImages: 2,
          imageUrl: "https://v3.fal.media/files/in.png",
          strength: 0.8,
        },
      }),
    );
    expect(settings).toStrictEqual({
      numImages: 2,
      seed: 7,
      imageUrl: "https://v3.fal.media/files/in.png",
      strength: 0.8,
    });
  });
});

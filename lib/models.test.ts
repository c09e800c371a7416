import { describe, expect, it } from "vitest";
import { allowedEndpoints, buildModelInput, findModel, models } from "./models";

describe("the model catalog", () => {
  it("allows exactly the catalog's endpoints through the proxy", () => {
    expect(allowedEndpoints).toEqual(["fal-ai/flux/schnell", "fal-ai/flux/dev"]);
    expect(new Set(models.map((model) => model.id)).size).toBe(models.length);
  });

  it("builds the model input from its defaults and the user's choices", () => {
    const model = findModel("fal-ai/flux/dev");
    if (!model) throw new Error("fal-ai/flux/dev is missing from the catalog");
    expect(
      buildModelInput(model, { prompt: "  a cat  ", imageSize: "square", numImages: 2, seed: 7 }),
    ).toEqual({
      num_inference_steps: 28,
      guidance_scale: 3.5,
      enable_safety_checker: true,
      prompt: "a cat",
      image_size: "square",
      num_images: 2,
      seed: 7,
    });
  });

  it("keeps the image count within 1 to 4 and leaves out an unset seed", () => {
    const [model] = models;
    const input = buildModelInput(model, { prompt: "x", imageSize: "square", numImages: 9 });
    expect(input.num_images).toBe(4);
    expect("seed" in input).toBe(false);
    expect(
      buildModelInput(model, { prompt: "x", imageSize: "square", numImages: 0 }).num_images,
    ).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { catalogModel } from "../../tooling/testing/catalog-model";
import { initialFormValues, withModel } from "./form-values";

const schnell = catalogModel("fal-ai/flux/schnell", "text-to-image");
const kontext = catalogModel("fal-ai/flux-pro/kontext", "image-edit");
const img2img = catalogModel("fal-ai/flux/dev/image-to-image", "image-to-image");

describe("the form's values", () => {
  it("start at the first model, with the first text-to-image model's size", () => {
    const withSquare = { ...schnell, defaultImageSize: "square" } as const;
    expect(initialFormValues([kontext, withSquare])).toMatchObject({
      modelId: kontext.id,
      imageSize: "square",
      numImages: 1,
      strength: undefined,
    });
    expect(initialFormValues([img2img])).toMatchObject({ modelId: img2img.id, strength: 0.95 });
  });

  it("take the strength of the model switched to, and keep the rest", () => {
    const start = {
      ...initialFormValues([schnell]),
      prompt: "a fox",
      imageSize: "square" as const,
    };
    const switched = withModel(start, img2img);
    expect(switched).toEqual({ ...start, modelId: img2img.id, strength: 0.95 });
    expect(withModel(switched, kontext)).toEqual({
      ...start,
      modelId: kontext.id,
      strength: undefined,
    });
  });
});

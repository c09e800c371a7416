import { describe, expect, it } from "vitest";
import { catalogModel } from "../../tooling/testing/catalog-model";
import { checkModelInput } from "./check-model-input";
import type { ModelDefinition } from "./model-definition";
import { formModelInput } from "./model-input";

const kontext = catalogModel("fal-ai/flux-pro/kontext", "image-edit");
const img2img = catalogModel("fal-ai/flux/dev/image-to-image", "image-to-image");
const schnell = catalogModel("fal-ai/flux/schnell", "text-to-image");
const image = "https://v3.fal.media/files/rabbit/rmgBxhwGYb2d3pl3x9sKf_output.png";
const refusal = (entry: ModelDefinition, body: unknown, origins: string[] = []) => {
  const checked = checkModelInput(entry, body, origins);
  return checked.ok ? "accepted" : checked.refusal;
};

describe("checkModelInput: image models", () => {
  it("sends an edit the image, the prompt and the owner's fixed fields, and no size", () => {
    expect(checkModelInput(kontext, { prompt: "add a hat", image_url: image })).toEqual({
      ok: true,
      input: {
        prompt: "add a hat",
        image_url: image,
        num_images: 1,
        guidance_scale: 3.5,
        safety_tolerance: "2",
        enhance_prompt: false,
        sync_mode: false,
      },
    });
  });

  it("gives image-to-image the entry's default strength, and keeps a chosen one", () => {
    const input = (strength?: number) =>
      checkModelInput(img2img, { prompt: "oil painting", image_url: image, strength });
    expect(input()).toMatchObject({
      ok: true,
      input: { strength: 0.95, num_inference_steps: 40, enable_safety_checker: true },
    });
    expect(input(0.3)).toMatchObject({ ok: true, input: { strength: 0.3 } });
    expect(input(0.01)).toMatchObject({ ok: true, input: { strength: 0.01 } });
    expect(input(1)).toMatchObject({ ok: true, input: { strength: 1 } });
  });

  it.each([
    ["zero", 0],
    ["below the range", 0.001],
    ["above the range", 1.5],
    ["negative", -1],
    ["a string", "0.5"],
    ["null", null],
  ])("refuses a strength that is %s", (_, strength) => {
    expect(refusal(img2img, { prompt: "x", image_url: image, strength })).toEqual({
      field: "strength",
      message: "strength must be a number from 0.01 to 1.",
    });
  });

  it("refuses a strength on the edit model, which has none", () => {
    expect(refusal(kontext, { prompt: "x", image_url: image, strength: 0.5 })).toMatchObject({
      field: "strength",
    });
  });

  it("requires an image for the image models, naming the model", () => {
    expect(refusal(kontext, { prompt: "x" })).toEqual({
      field: "image_url",
      message: "image_url is required for FLUX.1 Kontext [pro]: add an image.",
    });
    expect(refusal(img2img, { prompt: "x", image_url: 7 })).toMatchObject({ field: "image_url" });
  });

  it("refuses an image on a text-to-image model, and a size on an image model", () => {
    expect(refusal(schnell, { prompt: "x", image_url: image })).toEqual({
      field: "image_url",
      message: "FLUX.1 [schnell] makes images from text only: it takes no image_url.",
    });
    expect(refusal(kontext, { prompt: "x", image_url: image, image_size: "square" })).toEqual({
      field: "image_size",
      message: "image_size is not an input this server sends to FLUX.1 Kontext [pro].",
    });
  });

  it("refuses an image off fal's media hosts, and the emulator's unless it is passed", () => {
    for (const url of ["https://evil.example/a.png", "http://v3.fal.media/a.png", "data:,x"]) {
      expect(refusal(kontext, { prompt: "x", image_url: url })).toEqual({
        field: "image_url",
        message:
          "image_url must be an https URL on fal's media hosts (fal.media): upload the image through this app.",
      });
    }
    const local = "http://localhost:4100/files/uploads/1/cat.png";
    expect(refusal(kontext, { prompt: "x", image_url: local })).toMatchObject({
      field: "image_url",
    });
    expect(refusal(kontext, { prompt: "x", image_url: local }, ["http://localhost:4100"])).toBe(
      "accepted",
    );
  });

  it("turns the form's choices into an input the check accepts, for each kind", () => {
    const request = { prompt: "a cat", imageSize: "square", numImages: 2, seed: 7 } as const;
    const withImage = { ...request, imageUrl: image, strength: 0.4 };
    expect(formModelInput(schnell, withImage)).toEqual({
      prompt: "a cat",
      image_size: "square",
      num_images: 2,
      seed: 7,
    });
    expect(formModelInput(kontext, withImage)).toEqual({
      prompt: "a cat",
      image_url: image,
      num_images: 2,
      seed: 7,
    });
    expect(checkModelInput(img2img, formModelInput(img2img, withImage))).toMatchObject({
      ok: true,
      input: { image_url: image, strength: 0.4, num_images: 2, seed: 7 },
    });
    expect(refusal(kontext, formModelInput(kontext, request))).toMatchObject({
      field: "image_url",
    });
  });
});

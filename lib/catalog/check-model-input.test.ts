import { describe, expect, it } from "vitest";
import { catalogModel } from "../../tooling/testing/catalog-model";
import { checkModelInput } from "./check-model-input";
import type { ModelDefinition } from "./model-definition";
import { formModelInput, maxSeed } from "./model-input";

const dev = catalogModel("fal-ai/flux/dev", "text-to-image");
const schnell = catalogModel("fal-ai/flux/schnell", "text-to-image");
const flux2 = catalogModel("fal-ai/flux-2", "text-to-image");
const refusal = (model: ModelDefinition, body: unknown) => {
  const checked = checkModelInput(model, body);
  return checked.ok ? "accepted" : checked.refusal;
};

describe("checkModelInput", () => {
  it("fills in the owner's fixed fields and the entry's defaults", () => {
    expect(checkModelInput(dev, { prompt: "  a cat  " })).toEqual({
      ok: true,
      input: {
        prompt: "a cat",
        image_size: "landscape_4_3",
        num_images: 1,
        num_inference_steps: 28,
        guidance_scale: 3.5,
        enable_safety_checker: true,
        sync_mode: false,
      },
    });
  });

  it("sends FLUX.2 [dev] its fixed steps, guidance and safety, and no prompt expansion", () => {
    expect(checkModelInput(flux2, { prompt: "a sign", image_size: "square", seed: 3 })).toEqual({
      ok: true,
      input: {
        prompt: "a sign",
        image_size: "square",
        num_images: 1,
        seed: 3,
        num_inference_steps: 28,
        guidance_scale: 2.5,
        acceleration: "regular",
        enable_prompt_expansion: false,
        enable_safety_checker: true,
        sync_mode: false,
      },
    });
    expect(refusal(flux2, { prompt: "x", enable_prompt_expansion: true })).toEqual({
      field: "enable_prompt_expansion",
      message: "enable_prompt_expansion is fixed to false for FLUX.2 [dev] on this server.",
    });
    expect(refusal(flux2, { prompt: "x", acceleration: "high" })).toMatchObject({
      field: "acceleration",
    });
    expect(refusal(flux2, { prompt: "x", output_format: "jpeg" })).toEqual({
      field: "output_format",
      message: "output_format is not an input this server sends to FLUX.2 [dev].",
    });
    expect(refusal(flux2, { prompt: "x", num_images: 5 })).toMatchObject({ field: "num_images" });
    expect(refusal(flux2, { prompt: "x", duration: "4s" })).toMatchObject({ field: "duration" });
  });

  it("accepts what the form sends, unchanged but for the fixed fields", () => {
    const request = { prompt: "a cat", imageSize: "square", numImages: 4, seed: 7 } as const;
    const checked = checkModelInput(schnell, formModelInput(schnell, request));
    expect(checked).toMatchObject({
      ok: true,
      input: { prompt: "a cat", image_size: "square", num_images: 4, seed: 7 },
    });
    expect(checkModelInput(schnell, { prompt: "x", seed: maxSeed }).ok).toBe(true);
    expect(checkModelInput(schnell, { prompt: "x", enable_safety_checker: true }).ok).toBe(true);
  });

  it("names the field of an out-of-range value", () => {
    expect(refusal(dev, { prompt: "x", num_images: 1000 })).toEqual({
      field: "num_images",
      message: "num_images must be at most 4 for FLUX.1 [dev].",
    });
    expect(refusal(dev, { prompt: "x", num_images: 0 })).toMatchObject({ field: "num_images" });
    expect(refusal(dev, { prompt: "x", num_images: 1.5 })).toMatchObject({ field: "num_images" });
    expect(refusal(dev, { prompt: "x", seed: -1 })).toMatchObject({ field: "seed" });
    expect(refusal(dev, { prompt: "x", seed: maxSeed + 1 })).toMatchObject({ field: "seed" });
    expect(refusal(dev, { prompt: "x", seed: "7" })).toMatchObject({ field: "seed" });
    expect(refusal(dev, { prompt: "x", image_size: { width: 14142, height: 14142 } })).toEqual({
      field: "image_size",
      message: expect.stringMatching(/^image_size must be one of: square_hd, square, /),
    });
  });

  it("refuses an empty, blank, missing, non-text or overlong prompt", () => {
    expect(refusal(dev, { prompt: "   " })).toEqual({
      field: "prompt",
      message: "prompt must not be empty.",
    });
    expect(refusal(dev, {})).toMatchObject({ field: "prompt" });
    expect(refusal(dev, { prompt: 42 })).toMatchObject({ field: "prompt" });
    expect(refusal(dev, { prompt: "x".repeat(dev.maxPromptLength + 1) })).toEqual({
      field: "prompt",
      message: `prompt must be at most ${dev.maxPromptLength} characters.`,
    });
    expect(checkModelInput(dev, { prompt: "x".repeat(dev.maxPromptLength) }).ok).toBe(true);
  });

  it("refuses a fixed field set otherwise, saying it is fixed", () => {
    expect(refusal(dev, { prompt: "x", enable_safety_checker: false })).toEqual({
      field: "enable_safety_checker",
      message: "enable_safety_checker is fixed to true for FLUX.1 [dev] on this server.",
    });
    expect(refusal(dev, { prompt: "x", sync_mode: true })).toMatchObject({ field: "sync_mode" });
    expect(refusal(dev, { prompt: "x", num_inference_steps: 50 })).toMatchObject({
      field: "num_inference_steps",
    });
    expect(refusal(schnell, { prompt: "x", num_inference_steps: 28 })).toMatchObject({
      field: "num_inference_steps",
    });
  });

  it("refuses keys the entry does not know, prototype keys included", () => {
    expect(refusal(dev, { prompt: "x", webhook_url: "https://evil.example" })).toEqual({
      field: "webhook_url",
      message: "webhook_url is not an input this server sends to FLUX.1 [dev].",
    });
    expect(refusal(dev, JSON.parse('{"prompt":"x","__proto__":{"num_images":1000}}'))).toEqual({
      field: "__proto__",
      message: "__proto__ is not an input this server sends to FLUX.1 [dev].",
    });
    expect(refusal(dev, JSON.parse('{"prompt":"x","constructor":{}}'))).toMatchObject({
      field: "constructor",
    });
    // guidance_scale belongs to [dev]'s entry only.
    expect(refusal(schnell, { prompt: "x", guidance_scale: 3.5 })).toMatchObject({
      field: "guidance_scale",
    });
  });

  it("refuses anything but an object", () => {
    for (const body of [null, [], "x", 3, true]) {
      expect(refusal(dev, body)).toEqual({
        field: "",
        message: "The model input must be a JSON object.",
      });
    }
  });
});

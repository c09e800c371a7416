import { describe, expect, it } from "vitest";
import { takesImage } from "./model-definition";
import { allowedEndpoints, models } from "./models";
import prices from "./prices.json";

const priceTable: Readonly<Record<string, unknown>> = prices;

describe("the model catalog", () => {
  it("allows exactly the catalog's endpoints through the proxy", () => {
    expect(allowedEndpoints).toEqual([
      "fal-ai/flux/schnell",
      "fal-ai/flux/dev",
      "fal-ai/flux-pro/kontext",
      "fal-ai/flux/dev/image-to-image",
    ]);
    expect(new Set(models.map((model) => model.id)).size).toBe(models.length);
  });

  it("gives every model its price from prices.json in US dollars, the day it was read and its fal page", () => {
    for (const model of models) {
      expect(model.price).toEqual(priceTable[model.id]);
      expect(model.price.currency).toBe("USD");
      expect(model.price.unitPriceUsd).toBeGreaterThan(0);
      expect(model.price.readOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(model.page).toBe(`https://fal.ai/models/${model.id}`);
    }
  });

  it("fixes the safety checker on and synchronous mode off for every model", () => {
    for (const model of models) {
      // Kontext has no safety checker switch: its filter is a tolerance, fixed at fal's default.
      const safety =
        model.kind === "image-edit" ? { safety_tolerance: "2" } : { enable_safety_checker: true };
      expect(model.fixed).toMatchObject({ ...safety, sync_mode: false });
    }
  });

  it("lets every model take up to 4 images and a prompt of 2,000 characters", () => {
    for (const model of models) {
      expect(model, model.id).toMatchObject({ maxImages: 4, maxPromptLength: 2_000 });
    }
  });

  it("starts the text-to-image models at their kind's size, and gives image models none", () => {
    for (const model of models) {
      if (takesImage(model)) {
        expect("defaultImageSize" in model, model.id).toBe(false);
      } else {
        expect(model.defaultImageSize, model.id).toBe("landscape_4_3");
      }
    }
  });

  it("says which models take an image, and bounds the strength of the image-to-image one", () => {
    expect(models.map((model) => [model.id, model.kind])).toEqual([
      ["fal-ai/flux/schnell", "text-to-image"],
      ["fal-ai/flux/dev", "text-to-image"],
      ["fal-ai/flux-pro/kontext", "image-edit"],
      ["fal-ai/flux/dev/image-to-image", "image-to-image"],
    ]);
    for (const model of models) {
      if (model.kind === "image-to-image") {
        expect(model.strength).toEqual({ min: 0.01, max: 1, default: 0.95, step: 0.01 });
      } else {
        expect("strength" in model, model.id).toBe(false);
      }
    }
  });
});

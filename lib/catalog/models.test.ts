import { describe, expect, it } from "vitest";
import { makesVideo, takesImage } from "./model-definition";
import { allowedEndpoints, catalog } from "./models";
import prices from "./prices.json";

const priceTable: Readonly<Record<string, unknown>> = prices;
const imageModels = catalog.filter((model) => !makesVideo(model));
const videoModels = catalog.filter(makesVideo);

describe("the model catalog", () => {
  it("lists every entry once, FLUX.1 [schnell] first, with its kind", () => {
    expect(catalog.map((model) => [model.id, model.kind])).toEqual([
      ["fal-ai/flux/schnell", "text-to-image"],
      ["fal-ai/flux/dev", "text-to-image"],
      ["fal-ai/flux-2", "text-to-image"],
      ["fal-ai/flux-pro/kontext", "image-edit"],
      ["fal-ai/flux/dev/image-to-image", "image-to-image"],
      ["fal-ai/veo3.1/lite", "text-to-video"],
      ["fal-ai/veo3.1", "text-to-video"],
      ["fal-ai/veo3.1/lite/image-to-video", "image-to-video"],
    ]);
    expect(new Set(catalog.map((model) => model.id)).size).toBe(catalog.length);
  });

  it("lets the proxy take every model of the catalog", () => {
    expect(allowedEndpoints).toEqual(catalog.map((model) => model.id));
  });

  it("gives every model its price from prices.json in US dollars, the day it was read and its fal page", () => {
    for (const model of catalog) {
      expect(model.price).toEqual(priceTable[model.id]);
      expect(model.price.currency).toBe("USD");
      expect(model.price.unitPriceUsd).toBeGreaterThan(0);
      expect(model.price.readOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(model.page).toBe(`https://fal.ai/models/${model.id}`);
    }
    expect(Object.keys(priceTable).sort()).toEqual(catalog.map((model) => model.id).sort());
  });

  it("bills every video model per second of video", () => {
    for (const model of videoModels) {
      expect([model.billedPer, model.price.unit], model.id).toEqual(["second", "video_second"]);
    }
  });

  it("fixes the safety checker on and synchronous mode off for every image model", () => {
    for (const model of imageModels) {
      // Kontext has no safety checker switch: its filter is a tolerance, fixed at fal's default.
      const safety =
        model.kind === "image-edit" ? { safety_tolerance: "2" } : { enable_safety_checker: true };
      expect(model.fixed).toMatchObject({ ...safety, sync_mode: false });
    }
  });

  it("fixes Veo's moderation at fal's default and lets no prompt be rewritten", () => {
    for (const model of videoModels) {
      expect(model.fixed, model.id).toEqual({ safety_tolerance: "4", auto_fix: false });
    }
  });

  it("lets every image model take up to 4 images, and every model a prompt of 2,000 characters", () => {
    for (const model of catalog) {
      expect(model.maxPromptLength, model.id).toBe(2_000);
      expect("maxImages" in model ? model.maxImages : "none", model.id).toBe(
        makesVideo(model) ? "none" : 4,
      );
    }
  });

  it("starts the text-to-image models at their kind's size, and gives image models none", () => {
    for (const model of imageModels) {
      if (takesImage(model)) {
        expect("defaultImageSize" in model, model.id).toBe(false);
      } else {
        expect(model.kind === "text-to-image" && model.defaultImageSize, model.id).toBe(
          "landscape_4_3",
        );
      }
    }
  });

  it("says which models take an image, and bounds the strength of the image-to-image one", () => {
    expect(catalog.filter(takesImage).map((model) => model.id)).toEqual([
      "fal-ai/flux-pro/kontext",
      "fal-ai/flux/dev/image-to-image",
      "fal-ai/veo3.1/lite/image-to-video",
    ]);
    for (const model of catalog) {
      if (model.kind === "image-to-image") {
        expect(model.strength).toEqual({ min: 0.01, max: 1, default: 0.95, step: 0.01 });
      } else {
        expect("strength" in model, model.id).toBe(false);
      }
    }
  });
});

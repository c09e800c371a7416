import { describe, expect, it } from "vitest";
import { allowedEndpoints, findModel, type ModelDefinition, models } from "./models";
import prices from "./prices.json";

describe("the model catalog", () => {
  it("allows exactly the catalog's endpoints through the proxy", () => {
    expect(allowedEndpoints).toEqual([
      "fal-ai/flux/schnell",
      "fal-ai/flux/dev",
      "fal-ai/flux-pro/kontext",
      "fal-ai/flux/dev/image-to-image",
    ]);
    expect(new Set(models.map((model) => model.id)).size).toBe(models.length);
    expect(findModel("fal-ai/flux/pro")).toBeUndefined();
  });

  it("gives every model a price in US dollars, the day it was read and its fal page", () => {
    for (const model of models) {
      expect(model.price).toEqual(prices[model.id]);
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

  it("says which models take an image, and bounds the strength of the image-to-image one", () => {
    expect(models.map((model) => [model.id, model.kind])).toEqual([
      ["fal-ai/flux/schnell", "text-to-image"],
      ["fal-ai/flux/dev", "text-to-image"],
      ["fal-ai/flux-pro/kontext", "image-edit"],
      ["fal-ai/flux/dev/image-to-image", "image-to-image"],
    ]);
    expect(findModel("fal-ai/flux/dev/image-to-image")?.strength).toEqual({
      min: 0.01,
      max: 1,
      default: 0.95,
      step: 0.01,
    });
    const catalog: readonly ModelDefinition[] = models;
    for (const model of catalog.filter((entry) => entry.kind !== "image-to-image")) {
      expect(model.strength).toBeUndefined();
    }
  });
});

import { describe, expect, it } from "vitest";
import { allowedEndpoints, findModel, models } from "./models";
import prices from "./prices.json";

describe("the model catalog", () => {
  it("allows exactly the catalog's endpoints through the proxy", () => {
    expect(allowedEndpoints).toEqual(["fal-ai/flux/schnell", "fal-ai/flux/dev"]);
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
      expect(model.fixed).toMatchObject({ enable_safety_checker: true, sync_mode: false });
    }
  });
});

import { describe, expect, it } from "vitest";
import { parsePricingAnswer, pricingUrl } from "./pricing-api";

const catalog = ["fal-ai/flux/schnell", "fal-ai/flux/dev"];

describe("pricingUrl", () => {
  it("asks fal's Platform API for every id in one request", () => {
    const url = pricingUrl(catalog);
    expect(url.href).toBe(
      "https://api.fal.ai/v1/models/pricing?endpoint_id=fal-ai/flux/schnell,fal-ai/flux/dev",
    );
    expect(url.searchParams.getAll("endpoint_id")).toEqual(["fal-ai/flux/schnell,fal-ai/flux/dev"]);
  });

  it("asks the emulator's stand-in when an emulator URL is given", () => {
    expect(pricingUrl(catalog, new URL("http://localhost:4010/ignored")).href).toBe(
      "http://localhost:4010/api.fal.ai/v1/models/pricing?endpoint_id=fal-ai/flux/schnell,fal-ai/flux/dev",
    );
  });

  it("takes 1 to 50 ids, as fal does", () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `acme/model-${i}`);
    expect(pricingUrl(ids(50)).searchParams.get("endpoint_id")?.split(",")).toHaveLength(50);
    expect(() => pricingUrl(ids(51))).toThrow(
      "fal prices 1 to 50 endpoints per request; the catalog has 51",
    );
    expect(() => pricingUrl([])).toThrow("the catalog has 0");
  });

  it.each([
    "flux",
    "fal-ai/flux dev",
    "fal-ai/flux/dev&endpoint_id=x/y",
    "fal-ai/flux,dev/x",
    "a/../b",
  ])("refuses %j, which is no fal endpoint id, instead of sending it", (id) => {
    expect(() => pricingUrl(["fal-ai/flux/dev", id])).toThrow(`"${id}" is not a fal endpoint id`);
  });
});

describe("parsePricingAnswer", () => {
  const price = {
    endpoint_id: "fal-ai/flux/dev",
    unit_price: 0.025,
    unit: "image",
    currency: "USD",
  };

  it("returns fal's prices and ignores fields it does not need", () => {
    expect(parsePricingAnswer({ prices: [{ ...price, extra: 1 }], next_cursor: null })).toEqual([
      price,
    ]);
    expect(parsePricingAnswer({ prices: [] })).toEqual([]);
  });

  it.each([
    ["no prices list", { detail: "nope" }],
    ["a list that is not one", { prices: price }],
    ["a price as text", { prices: [{ ...price, unit_price: "0.025" }] }],
    ["a negative price", { prices: [{ ...price, unit_price: -0.01 }] }],
    ["no unit", { prices: [{ ...price, unit: "" }] }],
    ["no endpoint id", { prices: [{ ...price, endpoint_id: undefined }] }],
    ["no currency", { prices: [{ ...price, currency: undefined }] }],
  ])("refuses an answer with %s", (_, body) => {
    expect(() => parsePricingAnswer(body)).toThrow(
      /^fal's pricing answer is not in the expected shape/,
    );
  });
});

/** fal's Platform API price lookup, `/api.fal.ai/v1/models/pricing`, over plain HTTP. */
import { describe, expect, it } from "vitest";
import catalogPrices from "../../lib/catalog/prices.json";
import { emulatorForFile, testFalKey } from "./testing";

const emulator = emulatorForFile();
const { call } = emulator.http;

const pricing = (query: string) => `/api.fal.ai/v1/models/pricing${query}`;
const ids = (count: number) => Array.from({ length: count }, (_, i) => `acme/model-${i}`);

describe("GET /api.fal.ai/v1/models/pricing", () => {
  it.each([
    ["no Authorization header", {}],
    ["a wrong key", { authorization: "Key wrong" }],
    ["the key without its scheme", { authorization: testFalKey }],
  ])("answers 401 JSON to %s", async (_, headers) => {
    const response = await call(pricing("?endpoint_id=fal-ai/flux/dev"), {
      headers: { authorization: "", ...headers },
    });
    expect(response.status).toBe(401);
    expect(response.json).toEqual({ detail: expect.any(String) });
  });

  it("prices known ids given comma-separated, in the order asked", async () => {
    const response = await call(pricing("?endpoint_id=fal-ai/flux/dev,fal-ai/flux/schnell"));
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      prices: [
        { endpoint_id: "fal-ai/flux/dev", unit_price: 0.025, unit: "image", currency: "USD" },
        { endpoint_id: "fal-ai/flux/schnell", unit_price: 0.003, unit: "image", currency: "USD" },
      ],
    });
  });

  it("reads repeated endpoint_id parameters and percent-encoded ids the same way", async () => {
    const response = await call(
      pricing("?endpoint_id=fal-ai%2Fflux-pro%2Fkontext&endpoint_id=fal-ai/flux/schnell"),
    );
    expect(response.json).toEqual({
      prices: [
        {
          endpoint_id: "fal-ai/flux-pro/kontext",
          unit_price: 0.04,
          unit: "image",
          currency: "USD",
        },
        { endpoint_id: "fal-ai/flux/schnell", unit_price: 0.003, unit: "image", currency: "USD" },
      ],
    });
  });

  it("prices every model of the app's catalog, the image models included", async () => {
    const asked = Object.keys(catalogPrices);
    expect(asked).toContain("fal-ai/flux/dev/image-to-image");
    const response = await call(pricing(`?endpoint_id=${asked.join(",")}`));
    expect(response.json).toEqual({
      prices: Object.entries(catalogPrices).map(([endpoint_id, price]) => ({
        endpoint_id,
        unit_price: price.unitPriceUsd,
        unit: price.unit,
        currency: price.currency,
      })),
    });
  });

  it("leaves unknown ids out of the answer", async () => {
    const response = await call(pricing("?endpoint_id=acme/unknown,fal-ai/flux/dev"));
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      prices: [
        { endpoint_id: "fal-ai/flux/dev", unit_price: 0.025, unit: "image", currency: "USD" },
      ],
    });
    expect((await call(pricing("?endpoint_id=acme/unknown"))).json).toEqual({ prices: [] });
  });

  it("accepts 50 ids", async () => {
    const response = await call(
      pricing(`?endpoint_id=${[...ids(49), "fal-ai/flux/dev"].join(",")}`),
    );
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      prices: [expect.objectContaining({ endpoint_id: "fal-ai/flux/dev" })],
    });
  });

  it.each([
    ["no endpoint_id", "", "endpoint_id is required"],
    ["an empty endpoint_id", "?endpoint_id=", "endpoint_id is required"],
    ["only commas", "?endpoint_id=,,", "endpoint_id is required"],
    ["51 comma-separated ids", `?endpoint_id=${ids(51).join(",")}`, "got 51"],
    [
      "51 ids over repeated and comma-separated parameters",
      `?endpoint_id=${ids(50).join(",")}&endpoint_id=fal-ai/flux/dev`,
      "got 51",
    ],
  ])("refuses %s with a 400 validation error", async (_, query, message) => {
    const response = await call(pricing(query));
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      error: { type: "validation_error", message: expect.stringContaining(message) },
    });
  });

  it("answers 405 to other methods and 404 to other Platform API paths", async () => {
    const post = await call(pricing("?endpoint_id=fal-ai/flux/dev"), { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.json).toEqual({
      error: { type: "method_not_allowed", message: expect.any(String) },
    });
    expect((await call("/api.fal.ai/v1/models/usage")).status).toBe(404);
    expect((await call("/api.fal.ai/v1/models/pricing/extra?endpoint_id=a/b")).status).toBe(404);
  });
});

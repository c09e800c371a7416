/** fal's Platform API price lookup, `/api.fal.ai/v1/models/pricing`, over plain HTTP. */
import { describe, expect, it } from "vitest";
import { emulatorForFile, TEST_FAL_KEY } from "./testing";

const emu = emulatorForFile();
const { call } = emu.http;

const pricing = (query: string) => `/api.fal.ai/v1/models/pricing${query}`;
const ids = (count: number) => Array.from({ length: count }, (_, i) => `acme/model-${i}`);

describe("GET /api.fal.ai/v1/models/pricing", () => {
  it.each([
    ["no Authorization header", {}],
    ["a wrong key", { authorization: "Key wrong" }],
    ["the key without its scheme", { authorization: TEST_FAL_KEY }],
  ])("answers 401 JSON to %s", async (_, headers) => {
    const res = await call(pricing("?endpoint_id=fal-ai/flux/dev"), {
      headers: { authorization: "", ...headers },
    });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ detail: expect.any(String) });
  });

  it("prices known ids given comma-separated, in the order asked", async () => {
    const res = await call(pricing("?endpoint_id=fal-ai/flux/dev,fal-ai/flux/schnell"));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      prices: [
        { endpoint_id: "fal-ai/flux/dev", unit_price: 0.025, unit: "image", currency: "USD" },
        { endpoint_id: "fal-ai/flux/schnell", unit_price: 0.003, unit: "image", currency: "USD" },
      ],
    });
  });

  it("reads repeated endpoint_id parameters and percent-encoded ids the same way", async () => {
    const res = await call(
      pricing("?endpoint_id=fal-ai%2Fflux-pro%2Fkontext&endpoint_id=fal-ai/flux/schnell"),
    );
    expect(res.json).toEqual({
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

  it("leaves unknown ids out of the answer", async () => {
    const res = await call(pricing("?endpoint_id=acme/unknown,fal-ai/flux/dev"));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      prices: [
        { endpoint_id: "fal-ai/flux/dev", unit_price: 0.025, unit: "image", currency: "USD" },
      ],
    });
    expect((await call(pricing("?endpoint_id=acme/unknown"))).json).toEqual({ prices: [] });
  });

  it("accepts 50 ids", async () => {
    const res = await call(pricing(`?endpoint_id=${[...ids(49), "fal-ai/flux/dev"].join(",")}`));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
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
    const res = await call(pricing(query));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
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

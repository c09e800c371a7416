import { describe, expect, it } from "vitest";
import { type EncodeRequest, encodeToFit, maxScaleSteps } from "./encode-to-fit";
import type { AcceptedImageType } from "./image-upload-policy";

const limit = 100;
const plan: EncodeRequest = { width: 2048, height: 1366, type: "image/png" };

/**
 * An encoder that answers each request with `answer(request)`: how many bytes, and which type
 * it really encoded (the requested one unless said). Records what it was asked, in order.
 */
function fakeEncoder(answer: (request: EncodeRequest) => { bytes: number; type?: string }) {
  const asked: EncodeRequest[] = [];
  const encode = async (request: EncodeRequest) => {
    asked.push(request);
    const { bytes, type = request.type } = answer(request);
    return new Blob([new Uint8Array(bytes)], { type });
  };
  return { asked, encode };
}

const fitsOnlyAs =
  (fits: (request: EncodeRequest) => boolean, answers: Partial<Record<string, string>> = {}) =>
  (request: EncodeRequest) => ({
    bytes: fits(request) ? limit : limit + 1,
    type: answers[request.type] ?? request.type,
  });

const summary = (asked: EncodeRequest[]) =>
  asked.map(({ width, height, type }) => `${type} ${width}×${height}`);

describe("encodeToFit", () => {
  it("keeps the planned type and size when they fit, with one encoding", async () => {
    const { asked, encode } = fakeEncoder(() => ({ bytes: limit }));
    const fitted = await encodeToFit(plan, encode, limit);
    expect(summary(asked)).toEqual(["image/png 2048×1366"]);
    expect(fitted).toMatchObject({ width: 2048, height: 1366, type: "image/png" });
    expect(fitted?.blob.size).toBe(limit);
  });

  it("tries WebP, then JPEG, at full size, and stops at the first that fits", async () => {
    const { asked, encode } = fakeEncoder(fitsOnlyAs((request) => request.type === "image/jpeg"));
    const fitted = await encodeToFit(plan, encode, limit);
    expect(summary(asked)).toEqual([
      "image/png 2048×1366",
      "image/webp 2048×1366",
      "image/jpeg 2048×1366",
    ]);
    expect(fitted).toMatchObject({ width: 2048, height: 1366, type: "image/jpeg" });
  });

  it("then draws it smaller by a quarter each step, in WebP, and reports the size it sent", async () => {
    const { asked, encode } = fakeEncoder(fitsOnlyAs((request) => request.width < 1200));
    const fitted = await encodeToFit(plan, encode, limit);
    expect(summary(asked)).toEqual([
      "image/png 2048×1366",
      "image/webp 2048×1366",
      "image/jpeg 2048×1366",
      "image/webp 1536×1025",
      "image/webp 1152×768",
    ]);
    expect(fitted).toMatchObject({ width: 1152, height: 768, type: "image/webp" });
  });

  it("scales down in JPEG in a browser that answers PNG when asked for WebP", async () => {
    const { asked, encode } = fakeEncoder(
      fitsOnlyAs((request) => request.width < 1600, { "image/webp": "image/png" }),
    );
    const fitted = await encodeToFit(plan, encode, limit);
    expect(summary(asked).slice(1)).toEqual([
      "image/webp 2048×1366",
      "image/jpeg 2048×1366",
      "image/jpeg 1536×1025",
    ]);
    expect(fitted).toMatchObject({ width: 1536, height: 1025, type: "image/jpeg" });
  });

  it("names what the browser really encoded: PNG when it fell back, even if that fits", async () => {
    const { encode } = fakeEncoder(
      fitsOnlyAs((request) => request.type !== "image/png", { "image/webp": "image/png" }),
    );
    const webpPlan = { ...plan, type: "image/webp" as AcceptedImageType };
    expect(await encodeToFit(webpPlan, encode, limit)).toMatchObject({ type: "image/png" });
  });

  it("tries each type once: a JPEG goes to WebP next, then smaller", async () => {
    const { asked, encode } = fakeEncoder(fitsOnlyAs((request) => request.width < 2000));
    await encodeToFit({ width: 2000, height: 1000, type: "image/jpeg" }, encode, limit);
    expect(summary(asked)).toEqual([
      "image/jpeg 2000×1000",
      "image/webp 2000×1000",
      "image/webp 1500×750",
    ]);
  });

  it(`gives up after ${maxScaleSteps} smaller drawings, never below one pixel`, async () => {
    const { asked, encode } = fakeEncoder(() => ({ bytes: limit + 1 }));
    expect(await encodeToFit({ width: 2048, height: 3, type: "image/png" }, encode, limit)).toBe(
      undefined,
    );
    expect(asked).toHaveLength(3 + maxScaleSteps);
    expect(asked.at(-1)).toEqual({ width: 205, height: 1, type: "image/webp" });
  });
});

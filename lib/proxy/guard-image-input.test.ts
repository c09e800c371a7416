import { afterEach, describe, expect, it, vi } from "vitest";
import { falUrls } from "../../tooling/testing/fal-urls";
import {
  adasImage,
  createGuardKit,
  refusalOf,
  requestUrl,
  users,
} from "../../tooling/testing/guard-kit";
import { createSpendBudget } from "../stores/spend-budget";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const edit = falUrls.submit("fal-ai/flux-pro/kontext");
const img2img = falUrls.submit("fal-ai/flux/dev/image-to-image");
const json = (target: string, body: unknown, as = users.ada) => ({
  target,
  body: JSON.stringify(body),
  headers: { "content-type": "application/json" },
  as,
});
const notYours =
  "image_url must be an image you uploaded to this app, or one it made for you, in the last 7 days: upload it again.";

describe("the guard: input images (the attack catalogue)", () => {
  it.each([
    ["an image on a foreign host", edit, "https://evil.example/cat.png"],
    ["plain http to fal's host", edit, "http://v3.fal.media/files/a/b.png"],
    ["a look-alike suffix", img2img, "https://fal.media.evil.com/files/a.png"],
    ["a look-alike prefix", img2img, "https://evilfal.media/files/a.png"],
    ["fal's host as user info", edit, "https://v3.fal.media@evil.com/files/a.png"],
    ["user info on fal's host", edit, "https://me:pw@v3.fal.media/files/a.png"],
    ["a port on fal's host", edit, "https://v3.fal.media:8443/files/a.png"],
    ["a punycode look-alike", edit, "https://v3.xn--fl-8cd.media/files/a.png"],
    ["a data: URL", edit, "data:image/png;base64,iVBORw0KGgo="],
    [
      "the emulator's origin, which production does not accept",
      edit,
      "http://localhost:4010/files/uploads/a/b.png",
    ],
    ["no image at all", edit, undefined],
    ["an image on a text-to-image model", falUrls.submit("fal-ai/flux/schnell"), adasImage],
  ])(
    "refuses %s: 400 invalid_input naming image_url, nothing charged or sent",
    async (_, target, image_url) => {
      const kit = createGuardKit();
      const refused = await refusalOf(await kit.call(json(target, { prompt: "x", image_url })));
      expect(refused).toMatchObject({ status: 400, code: "invalid_input", field: "image_url" });
      expect(refused.message).toMatch(/image_url/);
      expect(kit.fal).not.toHaveBeenCalled();
      expect(kit.audit.at(-1)).toMatchObject({
        status: 400,
        error: "invalid_input",
        costUsd: null,
      });
    },
  );

  it.each([
    ["another user's upload", adasImage, users.bob],
    ["any other file at fal", "https://v3.fal.media/files/someone/else.png", users.ada],
  ])("refuses %s: only the user's own uploads and outputs reach fal", async (_, image_url, as) => {
    const kit = createGuardKit();
    const refused = await refusalOf(await kit.call(json(edit, { prompt: "x", image_url }, as)));
    expect(refused).toEqual({
      status: 400,
      retryAfter: null,
      code: "invalid_input",
      field: "image_url",
      message: notYours,
    });
    expect(kit.fal).not.toHaveBeenCalled();
    expect(kit.audit.at(-1)).toMatchObject({ costUsd: null });
  });

  it("refuses a strength outside the entry's range", async () => {
    const kit = createGuardKit();
    const body = { prompt: "x", image_url: adasImage, strength: 1.5 };
    expect(await refusalOf(await kit.call(json(img2img, body)))).toMatchObject({
      status: 400,
      code: "invalid_input",
      field: "strength",
      message: "strength must be a number from 0.01 to 1.",
    });
    expect(kit.fal).not.toHaveBeenCalled();
  });
});

describe("the guard: the recorded size of an input image sets the charge", () => {
  const budget = () => createSpendBudget({ perUserMicroUsd: 1_000_000, appMicroUsd: 10_000_000 });

  it("charges image-to-image by the megapixels the server decoded, with no fetch at submit", async () => {
    const spend = budget();
    const kit = createGuardKit({ budget: spend });
    const small = "https://v3.fal.media/files/ada/small.png";
    const large = "https://v3.fal.media/files/ada/large.png";
    await kit.policy.stores.media.record("oidc:ada", [
      { url: small, width: 512, height: 512 },
      { url: large, width: 2048, height: 1536 },
    ]);
    expect((await kit.call(json(img2img, { prompt: "x", image_url: small }))).status).toBe(200);
    expect(kit.audit.at(-1)).toMatchObject({ status: 200, costUsd: 0.03 });
    // 2048 × 1536 is three megapixels, for each of two images.
    const body = { prompt: "x", image_url: large, num_images: 2 };
    expect((await kit.call(json(img2img, body))).status).toBe(200);
    expect(kit.audit.at(-1)).toMatchObject({ status: 200, costUsd: 0.18 });
    expect((await spend.status("oidc:ada")).user.spentMicroUsd).toBe(210_000);
    // fal was called twice, to submit: nothing was fetched to learn a size.
    expect(kit.fal.mock.calls.map(([url]) => String(url))).toEqual([img2img, img2img]);
    expect(JSON.parse(String(kit.sent(1).body))).toMatchObject({
      image_url: large,
      strength: 0.95,
      num_images: 2,
      enable_safety_checker: true,
    });
  });

  it("charges an edit per image", async () => {
    const kit = createGuardKit();
    const body = { prompt: "add a hat", image_url: adasImage, num_images: 3 };
    expect((await kit.call(json(edit, body))).status).toBe(200);
    expect(kit.audit.at(-1)).toMatchObject({ costUsd: 0.12 });
  });

  it("records the images of a result as the user's, with fal's sizes, so they can be edited next", async () => {
    const kit = createGuardKit();
    const id = await kit.submit();
    const output = "https://v3.fal.media/files/out/1.png";
    const unsized = "https://v3.fal.media/files/out/2.png";
    kit.fal.mockImplementationOnce(async () =>
      Response.json({ images: [{ url: output, width: 1024, height: 768 }, { url: unsized }] }),
    );
    expect((await kit.call({ method: "GET", target: requestUrl(id) })).status).toBe(200);
    expect(await kit.policy.stores.media.find("oidc:ada", output)).toEqual({
      url: output,
      width: 1024,
      height: 768,
    });
    expect(await kit.policy.stores.media.find("oidc:bob", output)).toBeUndefined();
    // An image-to-image run from the sized output is one megapixel; from the other, the
    // largest accepted image (2048 × 2048 is four).
    await kit.call(json(img2img, { prompt: "x", image_url: output }));
    expect(kit.audit.at(-1)).toMatchObject({ status: 200, costUsd: 0.03 });
    await kit.call(json(img2img, { prompt: "x", image_url: unsized }));
    expect(kit.audit.at(-1)).toMatchObject({ status: 200, costUsd: 0.12 });
  });

  it("records nothing from another user's result: the read is refused first", async () => {
    const kit = createGuardKit();
    const id = await kit.submit(users.ada);
    const calls = kit.fal.mock.calls.length;
    const read = await kit.call({ method: "GET", target: requestUrl(id), as: users.bob });
    expect(read.status).toBe(404);
    expect(kit.fal.mock.calls.length).toBe(calls);
  });
});

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PNG } from "pngjs";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { models } from "@/lib/catalog/models";
import { AppError } from "@/lib/errors/app-error";
import { falUrls } from "../../testing/fal-urls";
import { createGuardKit, refusalOf } from "../../testing/guard-kit";
import { createImageProbe } from "./input-image-size";
import { modelRequestPolicy } from "./model-request";
import { createSpendBudget } from "./stores/spend-budget";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const edit = falUrls.submit("fal-ai/flux-pro/kontext");
const img2img = falUrls.submit("fal-ai/flux/dev/image-to-image");
const falImage = "https://v3.fal.media/files/rabbit/rmgBxhwGYb2d3pl3x9sKf_output.png";
const json = (target: string, body: unknown) => ({
  target,
  body: JSON.stringify(body),
  headers: { "content-type": "application/json" },
});

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
    ["an image on a text-to-image model", falUrls.submit("fal-ai/flux/schnell"), falImage],
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

  it("refuses a strength outside the entry's range", async () => {
    const kit = createGuardKit();
    const body = { prompt: "x", image_url: falImage, strength: 1.5 };
    expect(await refusalOf(await kit.call(json(img2img, body)))).toMatchObject({
      status: 400,
      code: "invalid_input",
      field: "strength",
      message: "strength must be a number from 0.01 to 1.",
    });
    expect(kit.fal).not.toHaveBeenCalled();
  });
});

describe("the guard: an input image's size sets the charge", () => {
  let server: Server;
  let origin = "";
  const sizes: Record<string, [number, number]> = {
    "/files/small.png": [512, 512],
    "/files/large.png": [2048, 1536],
  };
  const drawn = new Map<string, Buffer>();
  beforeAll(async () => {
    for (const [path, [width, height]] of Object.entries(sizes)) {
      drawn.set(path, PNG.sync.write(new PNG({ width, height })));
    }
    server = createServer((request, response) => {
      const size = sizes[request.url ?? ""];
      if (request.url === "/files/page.html") return void response.end("<html></html>");
      if (!size) return void response.writeHead(404).end();
      response.end(drawn.get(request.url ?? ""));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // The emulator's arrangement: a local origin accepted, and the real probe reading from it.
  const kitWithMedia = (
    budget = createSpendBudget({ perUserMicroUsd: 1_000_000, appMicroUsd: 10_000_000 }),
  ) => {
    const mediaOrigins = [origin];
    const modelRequest = modelRequestPolicy(models, {
      mediaOrigins,
      probeImage: createImageProbe(mediaOrigins),
    });
    return { kit: createGuardKit({ modelRequest, budget }), budget };
  };

  it("charges image-to-image by the megapixels of the image it was given", async () => {
    const { kit, budget } = kitWithMedia();
    const small = { prompt: "x", image_url: `${origin}/files/small.png`, strength: 0.5 };
    expect((await kit.call(json(img2img, small))).status).toBe(200);
    expect(kit.audit.at(-1)).toMatchObject({ status: 200, costUsd: 0.03 });
    // 2048 × 1536 is three megapixels, for each of two images.
    const large = { prompt: "x", image_url: `${origin}/files/large.png`, num_images: 2 };
    expect((await kit.call(json(img2img, large))).status).toBe(200);
    expect(kit.audit.at(-1)).toMatchObject({ status: 200, costUsd: 0.18 });
    expect((await budget.status("oidc:ada")).user.spentMicroUsd).toBe(210_000);
    expect(JSON.parse(String(kit.sent(1).body))).toMatchObject({
      image_url: `${origin}/files/large.png`,
      strength: 0.95,
      num_images: 2,
      enable_safety_checker: true,
    });
  });

  it("charges an edit per image", async () => {
    const { kit } = kitWithMedia();
    const body = { prompt: "add a hat", image_url: `${origin}/files/large.png`, num_images: 3 };
    expect((await kit.call(json(edit, body))).status).toBe(200);
    expect(kit.audit.at(-1)).toMatchObject({ costUsd: 0.12 });
  });

  it.each([
    [
      "is missing",
      "/files/missing.png",
      "The image at image_url could not be read (it answered 404).",
    ],
    ["is not an image", "/files/page.html", "image_url must point at a PNG, JPEG or WebP image."],
  ])("refuses an image that %s, before anything is charged or sent", async (_, path, message) => {
    const { kit, budget } = kitWithMedia();
    const body = { prompt: "x", image_url: `${origin}${path}` };
    expect(await refusalOf(await kit.call(json(img2img, body)))).toEqual({
      status: 400,
      retryAfter: null,
      code: "invalid_input",
      field: "image_url",
      message,
    });
    expect(kit.fal).not.toHaveBeenCalled();
    expect((await budget.status("oidc:ada")).user.spentMicroUsd).toBe(0);
  });

  it("reads no input image once the per-minute limit refuses, and keeps no attempt for a refused image", async () => {
    let readable = false;
    const probeImage = vi.fn(async () => {
      if (!readable) throw new AppError("invalid_input", 400, "unreadable", { field: "image_url" });
      return { width: 1024, height: 1024 };
    });
    const kit = createGuardKit({
      modelRequest: modelRequestPolicy(models, { mediaOrigins: [], probeImage }),
    });
    const body = { prompt: "x", image_url: falImage };
    // Four refused images: the minute's three runs (guard-kit's limit) are all given back.
    for (let run = 0; run < 4; run++) {
      expect((await refusalOf(await kit.call(json(edit, body)))).code).toBe("invalid_input");
    }
    readable = true;
    for (let run = 0; run < 3; run++) expect((await kit.call(json(edit, body))).status).toBe(200);
    expect(probeImage).toHaveBeenCalledTimes(7);
    expect((await refusalOf(await kit.call(json(edit, body)))).code).toBe("rate_limited");
    expect(probeImage).toHaveBeenCalledTimes(7);
  });
});

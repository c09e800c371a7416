/** The image models over plain HTTP: an uploaded or generated image in, a drawing of it out. */
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import {
  htmlText,
  pngDeclaring,
  pngWithBadLateCrc,
  rgbaPixels,
  svgText,
  truncatedJpeg,
} from "../testing/crafted-images";
import { emulatorForFile, loadPng } from "./testing";

const emulator = emulatorForFile();
const { call, post, submit } = emulator.http;

type Output = { images: { url: string; width: number; height: number }[]; seed: number };

/** Puts a PNG into the emulator's storage as the fal client does (initiate, then PUT). */
async function upload(bytes: Buffer, contentType = "image/png"): Promise<string> {
  const init = await post("/rest.fal.ai/storage/upload/initiate", {
    content_type: contentType,
    file_name: "input.png",
  });
  const { upload_url, file_url } = init.json as { upload_url: string; file_url: string };
  const put = await fetch(upload_url, {
    method: "PUT",
    body: new Uint8Array(bytes),
    headers: { "content-type": contentType },
  });
  expect(put.status).toBe(200);
  return file_url;
}

function stripes(width: number, height: number, vertical: boolean): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const on = (vertical ? x : y) % 16 < 8;
      const i = (y * width + x) * 4;
      png.data.set(on ? [250, 240, 20, 255] : [20, 30, 200, 255], i);
    }
  }
  return PNG.sync.write(png);
}

async function run(endpoint: string, input: unknown): Promise<Output> {
  const { request_id: id } = await submit(endpoint, input);
  const app = endpoint.split("/").slice(0, 2).join("/");
  const result = `/queue.fal.run/${app}/requests/${id}`;
  await expect.poll(async () => (await call(result)).status).toBe(200);
  return (await call(result)).json as Output;
}

function meanDifference(a: PNG, b: PNG): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0));
  return sum / a.data.length;
}

describe("image models", () => {
  it("edits an uploaded image: unlike the text-to-image output, and unlike an edit of another", async () => {
    const input = { prompt: "make it autumn", seed: 5 };
    const first = await upload(stripes(256, 256, true));
    const second = await upload(stripes(256, 256, false));
    const edit = await run("fal-ai/flux-pro/kontext", { ...input, image_url: first });
    const other = await run("fal-ai/flux-pro/kontext", { ...input, image_url: second });
    const plain = await run("fal-ai/flux/dev", { ...input, image_size: "square_hd" });

    expect(edit.images[0]).toMatchObject({ width: 1024, height: 1024 });
    expect(edit.images[0]?.url).toMatch(new RegExp(`^${emulator.url}/files/edits/`));
    const [edited, otherEdit, text] = await Promise.all(
      [edit, other, plain].map((output) => loadPng(output.images[0]?.url ?? "")),
    );
    expect(meanDifference(edited as PNG, text as PNG)).toBeGreaterThan(20);
    expect(meanDifference(edited as PNG, otherEdit as PNG)).toBeGreaterThan(20);
  });

  it("keeps the input's size for image-to-image, and its output can be edited again", async () => {
    const input = await upload(stripes(320, 200, true));
    const output = await run("fal-ai/flux/dev/image-to-image", {
      prompt: "oil painting",
      image_url: input,
      strength: 0.3,
      num_images: 2,
    });
    expect(output.images.map(({ width, height }) => [width, height])).toEqual([
      [320, 200],
      [320, 200],
    ]);
    const again = await run("fal-ai/flux-pro/kontext", {
      prompt: "add a moon",
      image_url: output.images[1]?.url,
    });
    expect(await loadPng(again.images[0]?.url ?? "")).toMatchObject({ width: 1296, height: 816 });
  });

  it("edits a generated image too", async () => {
    const plain = await run("fal-ai/flux/schnell", { prompt: "a field", image_size: "square" });
    const edit = await run("fal-ai/flux-pro/kontext", {
      prompt: "add snow",
      image_url: plain.images[0]?.url,
    });
    expect(await loadPng(edit.images[0]?.url ?? "")).toMatchObject({ width: 1024, height: 1024 });
  });

  it.each([
    ["no image_url", {}, "missing"],
    [
      "an image on another origin",
      { image_url: "https://v3.fal.media/files/a/b.png" },
      "image_load_error",
    ],
    [
      "a file the emulator does not have",
      { image_url: "FILE:/files/uploads/nope/x.png" },
      "image_load_error",
    ],
    ["an upload that is not an image", { image_url: "UPLOAD:text" }, "image_load_error"],
  ])("answers 422 in fal's shape for %s", async (_, extra, type) => {
    let image_url = (extra as { image_url?: string }).image_url;
    if (image_url?.startsWith("FILE:")) image_url = `${emulator.url}${image_url.slice(5)}`;
    if (image_url === "UPLOAD:text") image_url = await upload(Buffer.from("hello"), "text/plain");
    const answer = await post("/queue.fal.run/fal-ai/flux-pro/kontext", { prompt: "x", image_url });
    expect(answer.status).toBe(422);
    expect(answer.json).toEqual({
      detail: [{ loc: ["body", "image_url"], msg: expect.any(String), type }],
    });
  });

  // What the app's server refuses itself (lib/proxy), the emulator draws, as fal's Pillow
  // does with truncated images allowed: the app's refusals are never the emulator's.
  it("edits a truncated JPEG and a PNG with a wrong CRC in its last image chunk", async () => {
    const pixels = rgbaPixels(96, 64, (x, y) => [(x * 5) % 256, (y * 7) % 256, (x * y) % 256]);
    const inputs = [
      await upload(await truncatedJpeg(96, 64, pixels, 0.6), "image/jpeg"),
      await upload(pngWithBadLateCrc(96, 64, pixels)),
    ];
    for (const image_url of inputs) {
      const output = await run("fal-ai/flux/dev/image-to-image", { prompt: "x", image_url });
      expect(await loadPng(output.images[0]?.url ?? "")).toMatchObject({ width: 96, height: 64 });
    }
  });

  it.each([
    ["HTML", htmlText, "text/html", /not a PNG, JPEG, WebP or GIF image/],
    ["SVG text", svgText, "image/svg+xml", /not a PNG, JPEG, WebP or GIF image/],
    [
      "an image wider than 2048 px",
      stripes(2056, 8, true),
      "image/png",
      /^The image is 2056x8; at most 2048 pixels a side is supported$/,
    ],
    [
      "a tiny PNG declaring 50000 x 50000",
      pngDeclaring(50_000, 50_000),
      "image/png",
      /^The image is 50000x50000; at most 2048 pixels a side is supported$/,
    ],
  ])("refuses %s as an input image, with fal's 422", async (_, bytes, contentType, msg) => {
    const image_url = await upload(bytes, contentType);
    const answer = await post("/queue.fal.run/fal-ai/flux-pro/kontext", { prompt: "x", image_url });
    expect(answer.status).toBe(422);
    expect(answer.json).toEqual({
      detail: [
        { loc: ["body", "image_url"], msg: expect.stringMatching(msg), type: "image_load_error" },
      ],
    });
  });

  it("answers 422 for a strength outside fal's range", async () => {
    const image_url = await upload(stripes(64, 64, true));
    const answer = await post("/queue.fal.run/fal-ai/flux/dev/image-to-image", {
      prompt: "x",
      image_url,
      strength: 1.5,
    });
    expect(answer.status).toBe(422);
    expect(answer.json).toMatchObject({ detail: [{ loc: ["body", "strength"] }] });
  });

  it("serves edits synchronously on fal.run too", async () => {
    const image_url = await upload(stripes(64, 64, false));
    const answer = await post("/fal.run/fal-ai/flux/dev/image-to-image", {
      prompt: "x",
      image_url,
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ images: [{ width: 64, height: 64 }] });
  });
});

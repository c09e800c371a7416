/**
 * The image models through the real proxy and the emulator: an edit of an uploaded PNG differs
 * from the text-to-image output with the same prompt and seed, an image-to-image run is charged
 * by the size the server decoded at upload, and every image_url that is not the user's own
 * upload or output is refused before it reaches "fal".
 */
import type { APIRequestContext } from "@playwright/test";
import { PNG } from "pngjs";
import { e2ePorts, e2eSecrets, emulatorUrl } from "../tooling/testing/e2e-env";
import { falUrls } from "../tooling/testing/fal-urls";
import { callProxy, uploadThroughApp } from "../tooling/testing/proxy-calls";
import { apiSignedInAs, freshTestUser } from "../tooling/testing/sessions";
import { watchAppLog } from "./support/app-log";
import { emulator } from "./support/emulator";
import { expect, test } from "./support/fixtures";

type Output = { images: { url: string; width: number; height: number }[] };

/** Uploads a PNG through the app, as the page does, and answers its URL at "fal". */
async function upload(api: APIRequestContext, png: Buffer): Promise<string> {
  const response = await uploadThroughApp(api, png);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { url: string }).url;
}

/** Puts a PNG straight into the emulator's storage with the key, past the app. */
async function storeInEmulator(api: APIRequestContext, png: Buffer): Promise<string> {
  const initiate = await api.post(`${emulatorUrl}/rest.fal.ai/storage/upload/initiate`, {
    headers: { authorization: `Key ${e2eSecrets.falKey}` },
    data: { content_type: "image/png", file_name: "input.png" },
  });
  expect(initiate.status()).toBe(200);
  const { upload_url, file_url } = (await initiate.json()) as {
    upload_url: string;
    file_url: string;
  };
  const put = await api.put(upload_url, { headers: { "content-type": "image/png" }, data: png });
  expect(put.status()).toBe(200);
  return file_url;
}

function checkerboard(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    const on = (Math.floor((i % width) / 32) + Math.floor(i / width / 32)) % 2 === 0;
    png.data.set(on ? [240, 90, 20, 255] : [10, 60, 180, 255], i * 4);
  }
  return PNG.sync.write(png);
}

/** Submits through the proxy and reads the result through it once the emulator is done. */
async function runThroughProxy(api: APIRequestContext, endpoint: string, data: unknown) {
  const submitted = await callProxy(api, { target: falUrls.submit(endpoint), data });
  expect(submitted.status(), await submitted.text()).toBe(200);
  const { request_id: id } = (await submitted.json()) as { request_id: string };
  const app = endpoint.split("/").slice(0, 2).join("/");
  const result = () => callProxy(api, { method: "GET", target: falUrls.request(id, app) });
  await expect.poll(async () => (await result()).status()).toBe(200);
  return (await (await result()).json()) as Output;
}

async function pixels(api: APIRequestContext, url: string): Promise<PNG> {
  const response = await api.get(url);
  expect(response.status()).toBe(200);
  return PNG.sync.read(await response.body());
}

test("an edit of a stored image differs from the text-to-image output with the same prompt and seed", async ({
  request,
}) => {
  const input = { prompt: "The same prompt, twice", seed: 1234 };
  const imageUrl = await upload(request, checkerboard(512, 512));
  const edit = await runThroughProxy(request, "fal-ai/flux-pro/kontext", {
    ...input,
    image_url: imageUrl,
  });
  const plain = await runThroughProxy(request, "fal-ai/flux/dev", {
    ...input,
    image_size: "square_hd",
  });

  const [edited, text] = [edit.images[0]?.url ?? "", plain.images[0]?.url ?? ""];
  expect(edited).not.toBe(text);
  const [a, b] = [await pixels(request, edited), await pixels(request, text)];
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let difference = 0;
  for (let i = 0; i < a.data.length; i++)
    difference += Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0));
  expect(difference / a.data.length).toBeGreaterThan(20);
});

test("image-to-image is charged by the size the server decoded at upload", async ({ request }) => {
  const log = watchAppLog(e2ePorts.app);
  const imageUrl = await upload(request, checkerboard(1536, 1024));
  const output = await runThroughProxy(request, "fal-ai/flux/dev/image-to-image", {
    prompt: "Charged by its size",
    image_url: imageUrl,
    strength: 0.6,
  });
  expect(output.images[0]).toMatchObject({ width: 1536, height: 1024 });
  // 1536 × 1024 is a megapixel and a half, billed as two at $0.03.
  await expect
    .poll(() => log.auditLines().find((line) => line.operation === "submit")?.costUsd)
    .toBe(0.06);
});

test("an image_url that is not the user's own upload or output, or on a text-to-image model, is refused before fal", async ({
  request,
}) => {
  const runsBefore = await emulator.modelRuns();
  const stored = await upload(request, checkerboard(64, 64));
  const pastTheApp = await storeInEmulator(request, checkerboard(64, 64));
  const someoneElse = await apiSignedInAs(freshTestUser("other-uploader"));
  const theirs = await upload(someoneElse, checkerboard(64, 64));
  await someoneElse.dispose();
  const attacks: [string, string, string | undefined][] = [
    ["a foreign host", "fal-ai/flux-pro/kontext", "https://evil.example/cat.png"],
    ["plain http", "fal-ai/flux-pro/kontext", "http://v3.fal.media/files/a/b.png"],
    ["a look-alike host", "fal-ai/flux/dev/image-to-image", "https://fal.media.evil.com/a.png"],
    ["user info", "fal-ai/flux-pro/kontext", "https://v3.fal.media@evil.com/a.png"],
    ["a data: URL", "fal-ai/flux-pro/kontext", "data:image/png;base64,iVBORw0KGgo="],
    ["no image", "fal-ai/flux-pro/kontext", undefined],
    ["a missing file", "fal-ai/flux-pro/kontext", `${emulatorUrl}/files/uploads/none/x.png`],
    ["a file stored at fal past the app", "fal-ai/flux-pro/kontext", pastTheApp],
    ["another user's upload", "fal-ai/flux/dev/image-to-image", theirs],
    ["an image on a text-to-image model", "fal-ai/flux/schnell", stored],
  ];
  for (const [name, endpoint, image_url] of attacks) {
    const response = await callProxy(request, {
      target: falUrls.submit(endpoint),
      data: { prompt: "x", image_url },
    });
    expect(response.status(), name).toBe(400);
    const { error } = (await response.json()) as { error: Record<string, string> };
    expect(error, name).toMatchObject({ code: "invalid_input", field: "image_url" });
    expect(error.message, name).toMatch(/image_url/);
  }
  expect(await emulator.modelRuns()).toBe(runsBefore);
});

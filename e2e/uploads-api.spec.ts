/**
 * Images reach fal through the app's upload route, and only there: the page sends the shrunk
 * file, the server decodes it, writes it again and stores it at "fal" with its own key. The
 * browser never holds a storage URL (so no file can be swapped after the check), the proxy
 * starts no storage upload, and what is not a clean PNG, JPEG or WebP never reaches fal.
 */
import { request } from "@playwright/test";
import { PNG } from "pngjs";
import { budgetPath } from "../lib/stores/budget-view";
import { imageUploadPath } from "../lib/uploads/image-upload-policy";
import {
  cgbiPng,
  jpegWithDecoyFrame,
  pngDeclaring,
  solidImage,
  truncated,
} from "../tooling/testing/crafted-images";
import {
  appUrl,
  budgetAppPort,
  budgetAppUrl,
  e2eBudgetUploadsPerDay,
  e2ePorts,
  emulatorUrl,
} from "../tooling/testing/e2e-env";
import { falUrls } from "../tooling/testing/fal-urls";
import { callProxy, isImageUpload, uploadThroughApp } from "../tooling/testing/proxy-calls";
import { apiSignedInAs, freshTestUser } from "../tooling/testing/sessions";
import { watchAppLog } from "./support/app-log";
import { expect, test } from "./support/fixtures";
import { pngBytes } from "./support/images";

test("the page uploads to the app, the file at fal has the same pixels, and no storage URL reaches the browser", async ({
  page,
  generator,
}) => {
  const log = watchAppLog(e2ePorts.app);
  await generator.goto();
  await generator.chooseModel("FLUX.1 Kontext [pro]");
  const writes: string[] = [];
  page.on("request", (call) => {
    if (call.method() !== "GET") writes.push(`${call.method()} ${call.url()}`);
  });

  const answered = page.waitForResponse(isImageUpload);
  const chosen = pngBytes(40, 30);
  await page
    .getByLabel("Choose an image")
    .setInputFiles({ name: "upload.png", mimeType: "image/png", buffer: chosen });
  const answer = (await (await answered).json()) as Record<string, unknown>;
  await expect(page.getByText("upload.png is ready.")).toBeVisible();

  // The URL of the file, and the size the server decoded: nothing to write to.
  expect(answer).toEqual({
    url: expect.stringMatching(`^${emulatorUrl}/files/uploads/[0-9a-f-]{36}/[0-9a-f-]{36}\\.png$`),
    width: 40,
    height: 30,
  });
  const served = PNG.sync.read(Buffer.from(await (await fetch(String(answer.url))).arrayBuffer()));
  expect([served.width, served.height]).toEqual([40, 30]);
  expect(served.data.equals(PNG.sync.read(chosen).data)).toBe(true);
  // The browser wrote to the app alone: no storage initiate, no PUT to a storage URL.
  expect(writes).toEqual([`POST ${appUrl}${imageUploadPath}`]);
  // The upload's own line (the page may also be waiting on a run an earlier spec left at fal).
  const storage = () => log.auditLines().filter((line) => line.endpoint === "storage");
  await expect.poll(() => storage().length).toBeGreaterThan(0);
  expect(storage()).toEqual([
    expect.objectContaining({
      user: "oidc:demo-user",
      method: "POST",
      operation: "upload",
      endpoint: "storage",
      status: 200,
      error: null,
    }),
  ]);
});

test("the proxy starts no storage upload, so no browser can get a URL to write to", async ({
  request: api,
}) => {
  const response = await callProxy(api, {
    target: falUrls.uploadInitiate,
    data: { content_type: "image/png", file_name: "swap-me-later.png" },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error).toMatchObject({
    code: "target_not_allowed",
    message:
      "The proxy does not start storage uploads: send images to /api/uploads, which checks them.",
  });
});

test("what is not a clean PNG, JPEG or WebP is refused, and nothing reaches fal", async () => {
  const log = watchAppLog(e2ePorts.app);
  const api = await apiSignedInAs(freshTestUser("crafted"));
  const attacks: [string, Buffer, string, number][] = [
    ["invoice.html", Buffer.from("<!doctype html><h1>Pay here</h1>"), "image/png", 415],
    ["setup.exe", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(1024)]), "image/png", 415],
    ["logo.svg", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), "image/png", 415],
    ["photo.jpg sent as a PNG", await solidImage(64, 64, "jpeg"), "image/png", 400],
    ["a GIF", await solidImage(8, 8, "gif"), "image/gif", 415],
    ["a PNG whose first chunk is not IHDR", cgbiPng(await solidImage(64, 64)), "image/png", 400],
    [
      "a JPEG whose decoy frame says 64 × 64 but is 3000 × 3000",
      jpegWithDecoyFrame(await solidImage(3000, 3000, "jpeg")),
      "image/jpeg",
      400,
    ],
    ["a truncated JPEG", truncated(await solidImage(600, 400, "jpeg")), "image/jpeg", 400],
    ["a decompression bomb", pngDeclaring(), "image/png", 400],
  ];
  for (const [name, bytes, type, status] of attacks) {
    const response = await uploadThroughApp(api, bytes, { type });
    expect(response.status(), name).toBe(status);
    expect(Object.keys((await response.json()).error), name).toEqual(["code", "message"]);
  }
  await expect.poll(() => log.auditLines().length).toBe(attacks.length);
  // Refused before fal: no line says anything was sent upstream.
  expect(log.auditLines().map(({ upstreamMs }) => upstreamMs)).toEqual(attacks.map(() => null));
  await api.dispose();
});

test("a signed-out caller cannot upload", async () => {
  // Empty on purpose: inside the runner, a new context would take the project's signed-in state.
  const api = await request.newContext({ storageState: { cookies: [], origins: [] } });
  const response = await uploadThroughApp(api, pngBytes(8, 8), { instance: appUrl });
  expect(response.status()).toBe(401);
  expect((await response.json()).error).toMatchObject({ code: "unauthenticated" });
  await api.dispose();
});

test("the daily upload count holds refused uploads too, and says when it resets", async () => {
  const log = watchAppLog(budgetAppPort);
  const api = await apiSignedInAs(freshTestUser("uploader"));
  const upload = (bytes: Buffer) => uploadThroughApp(api, bytes, { instance: budgetAppUrl });
  expect((await upload(truncated(pngBytes(300, 300)))).status()).toBe(400);
  for (let n = 1; n < e2eBudgetUploadsPerDay; n += 1) {
    expect((await upload(pngBytes(16, 16))).status()).toBe(200);
  }

  const refused = await upload(pngBytes(16, 16));
  expect(refused.status()).toBe(429);
  const { error } = (await refused.json()) as { error: { retryAt: string } };
  expect(error).toMatchObject({
    code: "upload_limit_reached",
    message: `You can upload ${e2eBudgetUploadsPerDay} images a day, and today's are used up. The count starts again at midnight UTC.`,
  });
  expect(error.retryAt).toMatch(/T00:00:00\.000Z$/);
  await expect.poll(() => log.auditLines().length).toBe(e2eBudgetUploadsPerDay + 1);
  expect(log.auditLines().map(({ status }) => status)).toEqual([
    400,
    ...Array.from({ length: e2eBudgetUploadsPerDay - 1 }, () => 200),
    429,
  ]);
  // Uploads are counted, not charged: the money budget is untouched.
  const budget = await api.get(`${budgetAppUrl}${budgetPath}`);
  expect(((await budget.json()) as { user: { spentMicroUsd: number } }).user.spentMicroUsd).toBe(0);
  await api.dispose();
});

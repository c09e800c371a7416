/**
 * `fal.storage.upload` through the locked proxy: the case of fal-js issue #169, where the
 * initiate call through a proxy fails with "Authorization header is required". The first test
 * uploads with the page's own client (the app's real bundle); the others call the proxy as any
 * script could, because the page refuses those files before they reach it.
 */
import { type APIRequestContext, request } from "@playwright/test";
import { PNG } from "pngjs";
import { budgetPath } from "../lib/budgets/budget-view";
import { isProxyUrl, targetUrlHeader } from "../lib/fal/proxy-contract";
import {
  appUrl,
  budgetAppPort,
  budgetAppUrl,
  e2eBudgetUploadsPerDay,
  e2ePorts,
  emulatorUrl,
} from "../testing/e2e-env";
import { falUrls } from "../testing/fal-urls";
import { callProxy, isProxiedUpload } from "../testing/proxy-calls";
import { apiSignedInAs, freshTestUser } from "../testing/sessions";
import { watchAppLog } from "./support/app-log";
import { expect, test } from "./support/fixtures";
import { pngBytes } from "./support/images";

/** The initiate call `fal.storage.upload` makes, declaring `contentType`. */
function initiateUpload(api: APIRequestContext, contentType: string, instance = appUrl) {
  return callProxy(api, {
    instance,
    target: falUrls.uploadInitiate,
    data: { content_type: contentType, file_name: "upload.png" },
  });
}

test("the page's fal client uploads through the proxy, and the file URL serves the bytes it sent", async ({
  page,
  generator,
}) => {
  const log = watchAppLog(e2ePorts.app);
  const initiates: Array<{ target: string | null; authorization: string | null }> = [];
  const puts: string[] = [];
  page.on("request", (sent) => {
    if (isProxyUrl(sent.url()) && sent.method() === "POST") {
      initiates.push({
        target: sent.headers()[targetUrlHeader] ?? null,
        authorization: sent.headers().authorization ?? null,
      });
    }
    if (sent.method() === "PUT") puts.push(sent.url());
  });
  await generator.goto();
  await generator.chooseModel("FLUX.1 Kontext [pro]");

  const initiated = page.waitForResponse(isProxiedUpload);
  const chosen = pngBytes(40, 30);
  await page
    .getByLabel("Choose an image")
    .setInputFiles({ name: "upload.png", mimeType: "image/png", buffer: chosen });
  const { file_url: fileUrl } = (await (await initiated).json()) as { file_url: string };
  await expect(page.getByText("upload.png is ready.")).toBeVisible();

  expect(fileUrl.startsWith(`${emulatorUrl}/files/uploads/`)).toBe(true);
  // The browser re-encodes before uploading (dropping metadata), so the picture is the same, not
  // the file: a small PNG keeps its size and, losslessly, every pixel.
  const served = PNG.sync.read(Buffer.from(await (await fetch(fileUrl)).arrayBuffer()));
  const original = PNG.sync.read(chosen);
  expect([served.width, served.height]).toEqual([40, 30]);
  expect(served.data.equals(original.data)).toBe(true);
  // The browser sent no key (the proxy added the server's, or the emulator would have refused
  // it), and the bytes went straight to the upload URL, never through the app.
  expect(initiates).toEqual([{ target: falUrls.uploadInitiate, authorization: null }]);
  expect(puts).toEqual([expect.stringMatching(`^${emulatorUrl}/uploads/`)]);
  await expect.poll(() => log.auditLines().length).toBeGreaterThan(0);
  expect(log.auditLines()).toEqual([
    expect.objectContaining({
      user: "oidc:demo-user",
      method: "POST",
      operation: "upload-initiate",
      endpoint: "storage",
      status: 200,
      error: null,
    }),
  ]);
});

test("a file that is not a PNG, JPEG or WebP image is refused at the proxy", async () => {
  const api = await apiSignedInAs(freshTestUser("wrong-type"));
  for (const type of ["text/html", "image/gif", "image/svg+xml"]) {
    const response = await initiateUpload(api, type);
    expect(response.status(), type).toBe(415);
    expect((await response.json()).error).toMatchObject({
      code: "unsupported_upload_type",
      message: `Only image/png, image/jpeg, image/webp images can be uploaded, not ${type}.`,
    });
  }
  await api.dispose();
});

test("a signed-out caller cannot upload", async () => {
  // Empty on purpose: inside the runner, a new context would take the project's signed-in state.
  const api = await request.newContext({ storageState: { cookies: [], origins: [] } });
  const response = await initiateUpload(api, "image/png");
  expect(response.status()).toBe(401);
  expect((await response.json()).error).toMatchObject({ code: "unauthenticated" });
  await api.dispose();
});

test("a user who reaches the daily upload count is told so, and when it resets", async () => {
  const log = watchAppLog(budgetAppPort);
  const api = await apiSignedInAs(freshTestUser("uploader"));
  for (let n = 0; n < e2eBudgetUploadsPerDay; n += 1) {
    expect((await initiateUpload(api, "image/png", budgetAppUrl)).status()).toBe(200);
  }

  const refused = await initiateUpload(api, "image/png", budgetAppUrl);
  expect(refused.status()).toBe(429);
  const { error } = (await refused.json()) as { error: { retryAt: string } };
  expect(error).toMatchObject({
    code: "upload_limit_reached",
    message: `You can upload ${e2eBudgetUploadsPerDay} images a day, and today's are used up. The count starts again at midnight UTC.`,
  });
  expect(error.retryAt).toMatch(/T00:00:00\.000Z$/);
  // The refusal reached nobody: fal was asked for exactly the uploads that were allowed.
  await expect.poll(() => log.auditLines().length).toBe(e2eBudgetUploadsPerDay + 1);
  expect(log.auditLines().map(({ status, upstreamMs }) => [status, upstreamMs !== null])).toEqual([
    ...Array.from({ length: e2eBudgetUploadsPerDay }, () => [200, true]),
    [429, false],
  ]);
  // Uploads are counted, not charged: the money budget is untouched.
  const budget = await api.get(`${budgetAppUrl}${budgetPath}`);
  expect(((await budget.json()) as { user: { spentMicroUsd: number } }).user.spentMicroUsd).toBe(0);
  await api.dispose();
});

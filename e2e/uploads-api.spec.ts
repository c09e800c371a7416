/**
 * `fal.storage.upload` through the locked proxy, driven by the app's own browser client in a
 * real page (e2e/support/in-page-fal.ts): the case of fal-js issue #169, where the initiate
 * call through a proxy fails with "Authorization header is required".
 */
import { PNG } from "pngjs";
import { budgetPath } from "../lib/budgets/budget-view";
import { falProxyPath, targetUrlHeader } from "../lib/fal/proxy-contract";
import {
  appUrl,
  budgetAppPort,
  budgetAppUrl,
  e2eBudgetUploadsPerDay,
  e2ePorts,
  emulatorUrl,
} from "../testing/e2e-env";
import { browserSignedInAs, freshTestUser } from "../testing/sessions";
import { watchAppLog } from "./support/app-log";
import { expect, test } from "./support/fixtures";
import { type FileToUpload, type UploadOutcome, uploadFromPage } from "./support/in-page-fal";

/** A small real PNG, different each time, so the bytes served back can only be these. */
function smallPng(): FileToUpload {
  const png = new PNG({ width: 4, height: 3 });
  for (let i = 0; i < png.data.length; i += 1) png.data[i] = Math.floor(Math.random() * 256);
  return { bytes: PNG.sync.write(png), type: "image/png" };
}

type Refusal = { status: number; code?: string; message?: string; retryAt?: string };

function refusal(outcome: UploadOutcome): Refusal {
  expect(outcome, "the upload should have been refused").not.toHaveProperty("url");
  const { status, body } = outcome as { status: number; body: { error?: Omit<Refusal, "status"> } };
  return { status, ...body.error };
}

test("the app's fal client uploads a PNG through the proxy, and its URL serves the same bytes", async ({
  page,
}) => {
  const log = watchAppLog(e2ePorts.app);
  const initiates: Array<{ target: string | null; authorization: string | null }> = [];
  const puts: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname === falProxyPath && request.method() === "POST") {
      initiates.push({
        target: request.headers()[targetUrlHeader] ?? null,
        authorization: request.headers().authorization ?? null,
      });
    }
    if (request.method() === "PUT") puts.push(request.url());
  });
  await page.goto("/");
  const file = smallPng();

  const outcome = await uploadFromPage(page, file);

  expect(outcome).toEqual({ url: expect.stringMatching(`^${emulatorUrl}/files/uploads/`) });
  const { url } = outcome as { url: string };
  const served = await fetch(url);
  expect(served.status).toBe(200);
  expect(Buffer.from(await served.arrayBuffer()).equals(file.bytes)).toBe(true);
  // The browser sent no key (the proxy added the server's, or the emulator would have refused
  // it), and the bytes went straight to the upload URL, never through the app.
  expect(initiates).toEqual([
    {
      target: "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3",
      authorization: null,
    },
  ]);
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

test("a file that is not a PNG, JPEG or WebP image is refused at the proxy", async ({ page }) => {
  await page.goto("/");
  for (const type of ["text/html", "image/gif", "image/svg+xml"]) {
    const outcome = await uploadFromPage(page, { bytes: Buffer.from("<svg/>"), type });
    expect(refusal(outcome), type).toMatchObject({
      status: 415,
      code: "unsupported_upload_type",
      message: `Only image/png, image/jpeg, image/webp images can be uploaded, not ${type}.`,
    });
  }
});

test("a signed-out page cannot upload", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(appUrl);
  expect(refusal(await uploadFromPage(page, smallPng()))).toMatchObject({
    status: 401,
    code: "unauthenticated",
  });
  await context.close();
});

test("a user who reaches the daily upload count is told so, and when it resets", async ({
  browser,
}) => {
  const log = watchAppLog(budgetAppPort);
  const context = await browserSignedInAs(browser, freshTestUser("uploader"), {
    url: budgetAppUrl,
  });
  const page = await context.newPage();
  await page.goto(budgetAppUrl);
  for (let n = 0; n < e2eBudgetUploadsPerDay; n += 1) {
    expect(await uploadFromPage(page, smallPng())).toHaveProperty("url");
  }

  const refused = refusal(await uploadFromPage(page, smallPng()));
  expect(refused).toMatchObject({
    status: 429,
    code: "upload_limit_reached",
    message: `You can upload ${e2eBudgetUploadsPerDay} images a day, and today's are used up. The count starts again at midnight UTC.`,
  });
  expect(String(refused.retryAt)).toMatch(/T00:00:00\.000Z$/);
  // The refusal reached nobody: fal was asked for exactly the uploads that were allowed.
  await expect.poll(() => log.auditLines().length).toBe(e2eBudgetUploadsPerDay + 1);
  expect(log.auditLines().map(({ status, upstreamMs }) => [status, upstreamMs !== null])).toEqual([
    ...Array.from({ length: e2eBudgetUploadsPerDay }, () => [200, true]),
    [429, false],
  ]);
  // Uploads are counted, not charged: the money budget is untouched.
  const budget = await page.request.get(`${budgetAppUrl}${budgetPath}`);
  expect(((await budget.json()) as { user: { spentMicroUsd: number } }).user.spentMicroUsd).toBe(0);
  await context.close();
});

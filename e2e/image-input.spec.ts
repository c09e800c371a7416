/**
 * Images in: chosen with the picker, dropped or handed over from a result, shrunk in the
 * browser, sent to the app's upload route (which decodes it and stores it at fal itself) and
 * edited by the emulator's image models, whose output depends on the image.
 */
import type { Page } from "@playwright/test";
import { maxUploadBytes, maxUploadSide } from "../lib/uploads/image-upload-policy";
import { budgetAppUrl, e2eBudgetUploadsPerDay } from "../tooling/testing/e2e-env";
import { isImageUpload, isProxiedSubmit } from "../tooling/testing/proxy-calls";
import { browserSignedInAs, freshTestUser } from "../tooling/testing/sessions";
import { expectNoAxeViolations } from "./support/axe";
import { emulator } from "./support/emulator";
import { expect, test } from "./support/fixtures";
import { gifBytes, noisePngBytes, pngBytes, pngFile, pngSize } from "./support/images";
import { type GeneratorPage, generatorPage } from "./support/pages/generator-page";

/** Chooses `file` with the picker and waits until it is uploaded; returns fal's file URL. */
async function chooseImage(page: Page, file: ReturnType<typeof pngFile>): Promise<string> {
  const uploaded = page.waitForResponse(isImageUpload);
  await page.getByLabel(/^Choose (an|another) image$/).setInputFiles(file);
  const { url: fileUrl } = (await (await uploaded).json()) as { url: string };
  await expect(page.getByText(`${file.name} is ready.`)).toBeVisible();
  return fileUrl;
}

/** Generates `prompt` and returns the first output image's bytes and what fal received. */
async function generateAndRead(generator: GeneratorPage, prompt: string) {
  const submitted = generator.page.waitForResponse(isProxiedSubmit);
  await generator.generate(prompt);
  const { request_id: requestId } = (await (await submitted).json()) as { request_id: string };
  const image = generator.result.getByRole("img").first();
  await expect(image).toBeVisible();
  const src = (await image.getAttribute("src")) ?? "";
  const bytes = Buffer.from(await (await fetch(src)).arrayBuffer());
  const { input } = await emulator.request(requestId);
  return { src, bytes, input: input as Record<string, unknown> };
}

test("a PNG chosen with the picker is shrunk, uploaded and edited; the edit depends on the image", async ({
  page,
  generator,
}) => {
  await generator.goto();
  await generator.chooseModel("FLUX.1 Kontext [pro]");
  await page.getByLabel("Seed (optional)").fill("7");

  const fileUrl = await chooseImage(page, pngFile("wide.png", 3000, 1500));
  // What fal's storage holds is the browser's shrunk copy: 2048 px on the longest side.
  expect(pngSize(Buffer.from(await (await fetch(fileUrl)).arrayBuffer()))).toEqual({
    width: 2048,
    height: 1024,
  });
  await expect(page.getByRole("img", { name: "Input image: wide.png" })).toBeVisible();
  await expectNoAxeViolations(page, "generator: input image ready");

  const edit = await generateAndRead(generator, "Make it a snowy night");
  expect(edit.input).toMatchObject({ image_url: fileUrl, prompt: "Make it a snowy night" });

  // Another image, the same prompt and seed: another picture.
  await chooseImage(page, pngFile("green.png", 800, 600, [20, 160, 40]));
  const otherEdit = await generateAndRead(generator, "Make it a snowy night");
  expect(otherEdit.bytes.equals(edit.bytes)).toBe(false);

  // And no image at all: the text-to-image model's picture differs from both.
  await generator.chooseModel("FLUX.1 [schnell]");
  await expect(page.getByLabel(/^Choose (an|another) image$/)).toHaveCount(0);
  const plain = await generateAndRead(generator, "Make it a snowy night");
  expect(plain.input).not.toHaveProperty("image_url");
  expect(plain.bytes.equals(edit.bytes)).toBe(false);
  await expectNoAxeViolations(page, "generator: result with history");
});

test("a PNG that cannot fit the upload limit at 2048 px is uploaded smaller than the limit", async ({
  page,
  generator,
}) => {
  const buffer = noisePngBytes(maxUploadSide, maxUploadSide);
  expect(buffer.length).toBeGreaterThan(maxUploadBytes); // re-encoded as PNG, it stays as large
  await generator.goto();
  await generator.chooseModel("FLUX.1 Kontext [pro]");
  const answered = page.waitForResponse(isImageUpload);
  await page.getByLabel("Choose an image").setInputFiles({
    name: "noise.png",
    mimeType: "image/png",
    buffer,
  });
  // The server takes at most maxUploadBytes (413 past it): a 200 is an upload within the limit.
  const upload = await answered;
  expect(upload.status()).toBe(200);
  const { width, height } = (await upload.json()) as { width: number; height: number };
  expect(width).toBe(height);
  expect(width).toBeLessThanOrEqual(maxUploadSide);
  await expect(page.getByText("noise.png is ready.")).toBeVisible();
});

test("an image dropped on the drop zone runs image-to-image at the chosen strength", async ({
  page,
  generator,
}) => {
  await generator.goto();
  await generator.chooseModel("FLUX.1 [dev] image-to-image");
  const uploaded = page.waitForResponse(isImageUpload);
  const buffer = [...pngBytes(640, 480, [240, 200, 30])];
  const dataTransfer = await page.evaluateHandle((bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], "dropped.png", { type: "image/png" }));
    return transfer;
  }, buffer);
  await page.getByRole("region", { name: "Drop an image here" }).dispatchEvent("drop", {
    dataTransfer,
  });
  const { url: fileUrl } = (await (await uploaded).json()) as { url: string };
  await expect(page.getByText("dropped.png is ready.")).toBeVisible();

  await page.getByLabel(/^Strength/).fill("0.5");
  await expect(page.getByText("Strength: 0.50")).toBeVisible();
  const run = await generateAndRead(generator, "Paint it in watercolour");
  expect(run.input).toMatchObject({ image_url: fileUrl, strength: 0.5 });
});

test("'Edit this image' hands a result to the edit model", async ({ page, generator }) => {
  await generator.goto();
  const first = await generateAndRead(generator, "A red kite over a beach");

  await generator.result.getByRole("button", { name: "Edit this image" }).click();
  await expect(page.getByLabel("Model", { exact: true })).toHaveValue("fal-ai/flux-pro/kontext");
  await expect(page.getByText("the generated image is ready.")).toBeVisible();
  await expect(generator.prompt).toBeFocused();

  const edit = await generateAndRead(generator, "Make the kite blue");
  expect(edit.input).toMatchObject({ image_url: first.src, prompt: "Make the kite blue" });
  expect(edit.bytes.equals(first.bytes)).toBe(false);
});

test("a file of the wrong type is refused in words, and nothing is uploaded", async ({
  page,
  generator,
}) => {
  const uploads: string[] = [];
  page.on("response", (response) => {
    if (isImageUpload(response)) uploads.push(response.url());
  });
  await generator.goto();
  await generator.chooseModel("FLUX.1 Kontext [pro]");
  await page
    .getByLabel("Choose an image")
    .setInputFiles({ name: "tiny.gif", mimeType: "image/gif", buffer: gifBytes });

  await expect(generator.alert).toHaveText(
    "tiny.gif is of type image/gif: choose a PNG, JPEG or WebP image.",
  );
  await expectNoAxeViolations(page, "generator: upload refused");
  // Generate without an image says what is missing, and sends nothing.
  const runsBefore = await emulator.modelRuns();
  await generator.generate("Make it a snowy night");
  await expect(
    generator.alert.filter({ hasText: "FLUX.1 Kontext [pro] changes an image" }),
  ).toHaveText("FLUX.1 Kontext [pro] changes an image: choose, drop or paste one first.");
  expect(await emulator.modelRuns()).toBe(runsBefore);
  expect(uploads).toEqual([]);
});

test("the daily upload count is reached and explained", async ({ browser }) => {
  const context = await browserSignedInAs(browser, freshTestUser("uploader"), {
    url: budgetAppUrl,
  });
  const page = await context.newPage();
  const generator = generatorPage(page);
  await generator.goto(budgetAppUrl);
  await generator.chooseModel("FLUX.1 Kontext [pro]");
  for (let upload = 1; upload <= e2eBudgetUploadsPerDay; upload++) {
    await chooseImage(page, pngFile(`photo-${upload}.png`, 64, 64));
  }

  await page.getByLabel("Choose another image").setInputFiles(pngFile("one-too-many.png", 64, 64));

  await expect(generator.alert).toContainText(
    `You can upload ${e2eBudgetUploadsPerDay} images a day, and today's are used up.`,
  );
  await expect(generator.alert).toContainText("You can upload again");
  await context.close();
});

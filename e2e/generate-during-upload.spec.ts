/**
 * Generate pressed while the input image is still uploading: the run waits for the upload and
 * starts by itself, or is dropped (the upload failed, the image went, another model was
 * picked) with nothing the person typed lost. Uploads are held with `page.route`, not a clock.
 */
import type { Page } from "@playwright/test";
import { targetUrlHeader } from "../lib/fal/proxy-contract";
import { falUrls } from "../tooling/testing/fal-urls";
import { isProxiedSubmit } from "../tooling/testing/proxy-calls";
import { expectNoAxeViolations } from "./support/axe";
import { emulator } from "./support/emulator";
import { expect, test } from "./support/fixtures";
import { holdImageUploads } from "./support/held-uploads";
import { pngFile } from "./support/images";
import type { GeneratorPage } from "./support/pages/generator-page";

/** The endpoints of the submits the page sends, as they leave it. */
function watchSubmits(page: Page): string[] {
  const endpoints: string[] = [];
  page.on("request", (request) => {
    if (isProxiedSubmit(request)) endpoints.push(request.headers()[targetUrlHeader] ?? "");
  });
  return endpoints;
}

const waitingButton = (page: Page) => page.getByRole("button", { name: "Waiting for the image…" });
const waitingNotice = (page: Page) =>
  page
    .getByRole("status")
    .filter({ hasText: "The generation starts as soon as the image has uploaded." });

/**
 * Chooses an image and presses Generate with `prompt` while its upload is held, once the
 * button says it waits. Returns the held upload, the gate for later ones and the submits.
 */
async function generateDuringUpload(generator: GeneratorPage, name: string, prompt: string) {
  const { page } = generator;
  const uploads = await holdImageUploads(page);
  const submits = watchSubmits(page);
  await page.getByLabel("Choose an image").setInputFiles(pngFile(name, 64, 64));
  const upload = await uploads.next();
  await generator.generate(prompt);
  await expect(waitingButton(page)).toBeVisible();
  return { upload, uploads, submits };
}

test.beforeEach(async ({ generator }) => {
  await generator.goto();
  await generator.chooseModel("FLUX.1 Kontext [pro]");
});

test("Generate pressed during the upload ends with the output", async ({ page, generator }) => {
  const { upload, submits } = await generateDuringUpload(
    generator,
    "harbour.png",
    "Make it a snowy night",
  );
  await expect(waitingButton(page)).toHaveAttribute("aria-disabled", "true");
  await expect(waitingButton(page)).toBeFocused();
  await expect(waitingNotice(page)).toBeVisible();
  // A second press (Enter on the button, which kept focus) adds nothing.
  await page.keyboard.press("Enter");
  await expect(waitingButton(page)).toBeVisible();
  await expectNoAxeViolations(page, "generator: Generate waiting for the upload");
  // The form stays the person's: the run takes the prompt as it is when it starts.
  await generator.prompt.fill("Make it a foggy morning");
  expect(submits).toEqual([]);

  const submitted = page.waitForResponse(isProxiedSubmit);
  await upload.release();
  const { request_id: requestId } = (await (await submitted).json()) as { request_id: string };
  await expect(generator.image("Make it a foggy morning")).toBeVisible();
  await expect(waitingNotice(page)).toHaveCount(0);
  expect(submits).toEqual([falUrls.submit("fal-ai/flux-pro/kontext")]);
  const { input } = await emulator.request(requestId);
  expect(input).toMatchObject({ prompt: "Make it a foggy morning", image_url: expect.any(String) });
});

test("a failed upload drops the waiting run: its own message says why, and the prompt stays", async ({
  page,
  generator,
}) => {
  const { upload, submits } = await generateDuringUpload(
    generator,
    "harbour.png",
    "Make it a snowy night",
  );
  const message = "The server cannot count uploads right now.";
  await upload.answer(500, { error: { code: "store_unavailable", message } });

  await expect(generator.alert).toHaveText(message);
  await expect(generator.generateButton).not.toHaveAttribute("aria-disabled");
  await expect(waitingNotice(page)).toHaveCount(0);
  await expect(generator.prompt).toHaveValue("Make it a snowy night");
  await expect(page.getByLabel("Model", { exact: true })).toHaveValue("fal-ai/flux-pro/kontext");
  expect(submits).toEqual([]);
});

test("removing the image, or picking another model, drops the waiting run", async ({
  page,
  generator,
}) => {
  const {
    upload: first,
    uploads,
    submits,
  } = await generateDuringUpload(generator, "first.png", "Make it a snowy night");
  await page.getByRole("button", { name: "Remove image" }).click();
  await expect(generator.generateButton).toBeVisible();
  await expect(waitingNotice(page)).toHaveCount(0);
  await first.release(); // the page has let go of this upload: it ends unseen

  await page.getByLabel("Choose an image").setInputFiles(pngFile("second.png", 64, 64));
  const second = await uploads.next();
  await generator.generateButton.click();
  await expect(waitingButton(page)).toBeVisible();
  await generator.chooseModel("FLUX.1 [dev] image-to-image");
  await expect(generator.generateButton).toBeVisible();
  await expect(waitingNotice(page)).toHaveCount(0);
  await second.release();
  await expect(page.getByText("second.png is ready.")).toBeVisible();

  // Nothing ran by itself: pressed again, it runs once, on the model now chosen. (A run that
  // had started by itself would hold the button, or add a second submit before this result.)
  await generator.generate("Paint it in watercolour");
  await expect(generator.image("Paint it in watercolour")).toBeVisible();
  expect(submits).toEqual([falUrls.submit("fal-ai/flux/dev/image-to-image")]);
});

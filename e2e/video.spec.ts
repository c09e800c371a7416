/**
 * Video from the generator: the per-second estimate, the run's progress, a clip that plays
 * (the emulator encodes real WebM clips of the length asked), what it was charged, and image
 * to video from an upload and from an image result.
 */
import type { Locator, Page } from "@playwright/test";
import { isImageUpload, isProxiedSubmit } from "../tooling/testing/proxy-calls";
import { expectNoAxeViolations } from "./support/axe";
import { emulator } from "./support/emulator";
import { expect, test } from "./support/fixtures";
import { pngFile } from "./support/images";
import type { GeneratorPage } from "./support/pages/generator-page";

const usd = (text: string) => Number(text.replace(/[$,]/g, ""));

/** What the meter says is left of the user's budget today, in dollars. */
async function userBudgetLeft(generator: GeneratorPage) {
  const text = (await generator.budget.textContent()) ?? "";
  const left = /Today you have (\$[\d,.]+) left/.exec(text)?.[1];
  if (!left) throw new Error(`no budget in "${text}"`);
  return usd(left);
}

/** Starts the clip muted (as a user's click on play would, without sound) until it has frames. */
async function expectPlays(video: Locator, seconds: number) {
  await expect(video).toBeVisible();
  await video.evaluate((element: HTMLVideoElement) => {
    element.muted = true;
    return element.play();
  });
  await expect
    .poll(() => video.evaluate((element: HTMLVideoElement) => element.readyState))
    .toBeGreaterThanOrEqual(2);
  await expect
    .poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime))
    .toBeGreaterThan(0);
  const duration = await video.evaluate((element: HTMLVideoElement) => element.duration);
  expect(Math.abs(duration - seconds)).toBeLessThan(0.5);
}

/** Generates `prompt`, waits for the clip, and answers what fal received. */
async function generateVideo(generator: GeneratorPage, prompt: string) {
  const submitted = generator.page.waitForResponse(isProxiedSubmit);
  await generator.generate(prompt);
  const { request_id: requestId } = (await (await submitted).json()) as { request_id: string };
  await expect(generator.status).toHaveText("Done: your video.");
  const { input } = await emulator.request(requestId);
  return { requestId, input: input as Record<string, unknown> };
}

const videoOf = (page: Page, prompt: string) =>
  // A <video> has no ARIA role: found by its label.
  page.getByRole("region", { name: "Result" }).getByLabel(`Video: ${prompt}`, { exact: true });

test("a text-to-video run is priced per second, plays at the length asked, and is charged its estimate", async ({
  page,
  generator,
}) => {
  await generator.goto();
  await generator.chooseModel("Veo 3.1 Lite");
  // Only the entry's values are offered; the image count and size are not a video's.
  await expect(page.getByLabel("Number of images")).toHaveCount(0);
  await expect(page.getByLabel("Resolution").getByRole("option")).toHaveText(["720p", "1080p"]);
  await page.getByLabel("Duration").selectOption({ label: "6 seconds" });
  await page.getByLabel("Aspect ratio").selectOption({ label: "Portrait 9:16" });
  await page.getByLabel("With audio (dearer per second)").check();
  await expect(generator.estimatedCost).toHaveText(
    "Estimated cost: 6 s × $0.05/s = $0.30 (720p, with audio)",
  );
  await expect(generator.generateButton).toHaveAccessibleDescription(/6 s × \$0\.05\/s = \$0\.30/);
  await expectNoAxeViolations(page, "generator: a video model chosen");
  const before = await userBudgetLeft(generator);

  await emulator.setTiming({ videoRunMs: 4_000 });
  const submitted = page.waitForResponse(isProxiedSubmit);
  await generator.generate("A lighthouse at dusk, waves rolling in");
  await expect(generator.progress).toContainText("It goes on if you leave this page");
  await expect(generator.progress.getByRole("list", { name: "Video to come" })).toBeVisible();
  await expect(generator.status).toHaveText(/^(In queue|Generating…)/);
  const { request_id: requestId } = (await (await submitted).json()) as { request_id: string };

  const video = videoOf(page, "A lighthouse at dusk, waves rolling in");
  await expectPlays(video, 6);
  await expect(generator.status).toHaveText("Done: your video.");
  await expect(generator.result).toContainText("Length6.0 s");
  await expect(generator.result).toContainText("Charged6 s × $0.05/s = $0.30 (720p, with audio)");
  expect((await emulator.request(requestId)).input).toMatchObject({
    duration: "6s",
    aspect_ratio: "9:16",
    resolution: "720p",
    generate_audio: true,
  });
  // The meter, asked again after the run, has come down by the estimate shown.
  await expect.poll(() => userBudgetLeft(generator)).toBeCloseTo(before - 0.3, 6);

  const download = page.waitForEvent("download");
  await generator.result.getByRole("button", { name: "Download" }).click();
  expect((await download).suggestedFilename()).toBe(`${requestId}.webm`);
  await expectNoAxeViolations(page, "generator: a video result");
});

test("image-to-video animates an uploaded image", async ({ page, generator }) => {
  await generator.goto();
  await generator.chooseModel("Veo 3.1 Lite image-to-video");
  await generator.generate("The clouds drift by");
  await expect(generator.alert).toContainText("animates an image: choose, drop or paste one first");

  const uploaded = page.waitForResponse(isImageUpload);
  await page.getByLabel(/^Choose (an|another) image$/).setInputFiles(pngFile("sky.png", 640, 360));
  const { url: fileUrl } = (await (await uploaded).json()) as { url: string };
  await expect(page.getByText("sky.png is ready.")).toBeVisible();
  await expect(generator.estimatedCost).toHaveText(
    "Estimated cost: 4 s × $0.03/s = $0.12 (720p, silent)",
  );

  const { input } = await generateVideo(generator, "The clouds drift by");
  expect(input).toMatchObject({ image_url: fileUrl, aspect_ratio: "auto", duration: "4s" });
  await expectPlays(videoOf(page, "The clouds drift by"), 4);
});

test("'Animate this image' hands an image result to image-to-video", async ({
  page,
  generator,
}) => {
  await generator.goto();
  await generator.generate("A red kite over a beach");
  const image = generator.image("A red kite over a beach");
  await expect(image).toBeVisible();
  const imageUrl = await image.getAttribute("src");

  await generator.result.getByRole("button", { name: "Animate this image" }).click();
  await expect(page.getByLabel("Model", { exact: true })).toHaveValue(
    "fal-ai/veo3.1/lite/image-to-video",
  );
  await expect(page.getByText("the generated image is ready.")).toBeVisible();
  await expect(generator.prompt).toBeFocused();

  const { input } = await generateVideo(generator, "The kite dances in the wind");
  expect(input).toMatchObject({ image_url: imageUrl, prompt: "The kite dances in the wind" });
  await expectPlays(videoOf(page, "The kite dances in the wind"), 4);
});

test("a video run outlives a reload: its history card waits on the same request and plays the clip", async ({
  page,
  generator,
}) => {
  await emulator.setTiming({ queueMs: 2_000, videoRunMs: 3_000 });
  await generator.goto();
  await generator.chooseModel("Veo 3.1 Lite");
  await page.getByLabel("Duration").selectOption({ label: "8 seconds" });
  await page.getByLabel("Resolution").selectOption("1080p");
  const submitted = page.waitForResponse(isProxiedSubmit);
  await generator.generate("A harbour that survives a reload");
  await (await submitted).json();
  await expect(generator.status).toHaveText(/In queue/);
  const runs = await emulator.modelRuns();

  await page.reload();
  // The server keeps the run: its card in History waits on it, and shows the clip when done.
  const card = page.getByRole("article").filter({ hasText: "A harbour that survives a reload" });
  const clip = card.getByLabel("Video: A harbour that survives a reload", { exact: true });
  await expectPlays(clip, 8);
  await expect(card).toContainText("$0.40");
  expect(await emulator.modelRuns()).toBe(runs); // waited on, not submitted again
});

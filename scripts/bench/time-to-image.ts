/**
 * From the emulator completing a request (`completedAt` by its schedule) to the browser
 * showing the image: one generation at a time in Chromium, through the real UI, with the
 * page's own clock read in the image's `load` event.
 */
import type { Browser, Page } from "@playwright/test";
import { appUrl } from "./bench-env";
import { signedInContext } from "./browser";
import { emulator, scheduled } from "./emulator-control";
import { type Summary, summarize } from "./stats";

export const imageRuns = 5;
const timing = { queueMs: 200, runMs: 500 };

type ImageLoad = { alt: string; at: number; width: number };
type Recorder = { __benchImageLoads: ImageLoad[] };

/** Runs in the page before its own scripts: notes every image that loads, and when. */
function recordImageLoads() {
  const recorder = window as unknown as Recorder;
  recorder.__benchImageLoads = [];
  document.addEventListener(
    "load",
    (event) => {
      const image = event.target;
      if (!(image instanceof HTMLImageElement)) return;
      recorder.__benchImageLoads.push({
        alt: image.alt,
        at: Date.now(),
        width: image.naturalWidth,
      });
    },
    true, // load does not bubble; a capturing listener on the document still sees it
  );
}

async function generateOnce(page: Page, prompt: string): Promise<number> {
  await page.getByLabel("Prompt").fill(prompt);
  const submitted = page.waitForResponse(
    (response) =>
      response.url().endsWith("/api/fal/proxy") && response.request().method() === "POST",
  );
  await page.getByRole("button", { name: "Generate", exact: true }).click();
  const response = await submitted;
  if (response.status() !== 200) throw new Error(`the UI's submit answered ${response.status()}`);
  const { request_id: requestId } = (await response.json()) as { request_id: string };
  const loaded = await page.waitForFunction(
    (text) =>
      (window as unknown as Recorder).__benchImageLoads.find((load) => load.alt.startsWith(text)),
    prompt,
    { timeout: 30_000 },
  );
  const load = (await loaded.jsonValue()) as ImageLoad;
  if (load.width <= 0) throw new Error(`the image for "${prompt}" loaded empty`);
  await page.getByRole("button", { name: "Generate", exact: true }).waitFor();
  return load.at - (await scheduled(requestId, "completedAt"));
}

export async function measureTimeToImage(browser: Browser): Promise<Summary> {
  await emulator.setTiming(timing);
  const context = await signedInContext(browser);
  const page = await context.newPage();
  await page.addInitScript(recordImageLoads);
  await page.goto(appUrl);
  const samples: number[] = [];
  // One generation first, unmeasured: the first image also pays for fonts and code paths.
  for (let run = -1; run < imageRuns; run++) {
    const sample = await generateOnce(page, `Bench image ${run + 1} ${Date.now()}`);
    if (run >= 0) samples.push(sample);
  }
  await context.close();
  return summarize(samples);
}

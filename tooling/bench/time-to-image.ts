/**
 * From the emulator completing a request (`completedAt` by its schedule) to the browser
 * showing the image: one generation at a time in Chromium, through the real UI, with the
 * page's own clock read in the image's `load` event.
 */
import type { Browser, Page, Request } from "@playwright/test";
import { targetUrlHeader } from "../../lib/fal/proxy-contract";
import { isProxiedSubmit } from "../testing/proxy-calls";
import { appUrl, emulator } from "./bench-env";
import { signedInContext } from "./browser";
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

/** Milliseconds after the emulator's `completedAt`. */
type Sample = { resultRequested?: number; imageRequested?: number; shown: number };

/**
 * When (Node's clock, the same as the page's) the browser asked for the result and image;
 * and, should the image never come, what the page asked and what was answered.
 */
function watchRequests(page: Page) {
  type Seen = { at: number; request: Request; target: string | undefined; outcome?: string };
  const seen: Seen[] = [];
  const onRequest = (request: Request) => {
    seen.push({ at: Date.now(), request, target: request.headers()[targetUrlHeader] });
  };
  const settle = (outcome: (request: Request) => Promise<string> | string) => (r: Request) => {
    const entry = seen.find((s) => s.request === r);
    if (entry)
      void Promise.resolve(outcome(r)).then((text) => Object.assign(entry, { outcome: text }));
  };
  const onFinished = settle(async (r) => String((await r.response())?.status()));
  const onFailed = settle((r) => `failed: ${r.failure()?.errorText}`);
  page.on("request", onRequest);
  page.on("requestfinished", onFinished);
  page.on("requestfailed", onFailed);
  return {
    stop: () => {
      page.off("request", onRequest);
      page.off("requestfinished", onFinished);
      page.off("requestfailed", onFailed);
    },
    resultAt: (id: string) => seen.find((r) => r.target?.endsWith(`/requests/${id}`))?.at,
    imageAt: () => seen.find((r) => r.request.url().includes("/files/images/"))?.at,
    describe: () =>
      seen
        .map(
          (r) =>
            `${r.request.method()} ${r.target ?? r.request.url()}: ${r.outcome ?? "no answer yet"}`,
        )
        .join("\n  "),
  };
}

async function generateOnce(page: Page, prompt: string): Promise<Sample> {
  await page.getByLabel("Prompt").fill(prompt);
  const submitted = page.waitForResponse(isProxiedSubmit);
  const requests = watchRequests(page);
  await page.getByRole("button", { name: "Generate", exact: true }).click();
  const response = await submitted;
  if (response.status() !== 200) throw new Error(`the UI's submit answered ${response.status()}`);
  const { request_id: requestId } = (await response.json()) as { request_id: string };
  const loaded = await page
    .waitForFunction(
      (text) =>
        (window as unknown as Recorder).__benchImageLoads.find((load) => load.alt.startsWith(text)),
      prompt,
      { timeout: 30_000 },
    )
    .catch((error: Error) => {
      throw new Error(`${error.message}\nThe page's requests so far:\n  ${requests.describe()}`);
    });
  const load = (await loaded.jsonValue()) as ImageLoad;
  if (load.width <= 0) throw new Error(`the image for "${prompt}" loaded empty`);
  await page.getByRole("button", { name: "Generate", exact: true }).waitFor();
  requests.stop();
  const completedAt = await emulator.scheduled(requestId, "completedAt");
  const after = (at: number | undefined) => (at === undefined ? undefined : at - completedAt);
  return {
    resultRequested: after(requests.resultAt(requestId)),
    imageRequested: after(requests.imageAt()),
    shown: load.at - completedAt,
  };
}

export type TimeToImage = Record<keyof Sample, Summary | undefined> & { shown: Summary };

export async function measureTimeToImage(browser: Browser): Promise<TimeToImage> {
  await emulator.setTiming(timing);
  const context = await signedInContext(browser);
  const page = await context.newPage();
  await page.addInitScript(recordImageLoads);
  await page.goto(appUrl);
  const samples: Sample[] = [];
  // One generation first, unmeasured: the first image also pays for fonts and code paths.
  for (let run = -1; run < imageRuns; run++) {
    const sample = await generateOnce(page, `Bench image ${run + 1} ${Date.now()}`);
    if (run >= 0) samples.push(sample);
  }
  await context.close();
  const summary = (key: keyof Sample) => {
    const values = samples.flatMap((sample) => sample[key] ?? []);
    return values.length === samples.length ? summarize(values) : undefined;
  };
  return {
    resultRequested: summary("resultRequested"),
    imageRequested: summary("imageRequested"),
    shown: summarize(samples.map((sample) => sample.shown)),
  };
}

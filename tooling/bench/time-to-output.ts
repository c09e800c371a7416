/**
 * From the emulator completing a request (`completedAt` by its schedule) to the browser
 * showing its output: one generation at a time in Chromium, through the real UI, with the
 * page's own clock read by output-recorder.ts. An image counts at its `load` event; a video
 * (Veo 3.1 Lite, the inexpensive text-to-video entry, at its default 4 s) at `playing`.
 */
import type { Browser, Page } from "@playwright/test";
import { isProxiedSubmit } from "../testing/proxy-calls";
import { appUrl, emulator, outputUser } from "./bench-env";
import { signedInContext } from "./browser";
import { type OutputRecorder, recordOutputs, type ShownOutput } from "./output-recorder";
import { type PageRequests, watchRequests } from "./page-requests";
import { type Summary, summarize } from "./stats";

export const outputRuns = 5;
/** Short, so a run is quick; a video's run phase is its own setting (`videoRunMs`). */
export const outputTiming = { queueMs: 200, runMs: 500, videoRunMs: 500 };
export const videoModel = "Veo 3.1 Lite";
/** What the video model's form gives a run left at its defaults (lib/catalog/video-options.ts). */
const videoSeconds = 4;

type Kind = ShownOutput["kind"];
/** Milliseconds after the emulator's `completedAt`. */
type Sample = {
  resultRequested?: number;
  fileRequested?: number;
  fileLoaded?: number;
  metadataLoaded?: number;
  /** The image's `load`, the video's `playing`. */
  shown: number;
};

async function waitForShown(page: Page, kind: Kind, prompt: string, requests: PageRequests) {
  const found = await page
    .waitForFunction(
      ([kind, text]) =>
        (window as unknown as OutputRecorder).__benchOutputs.find(
          (output) =>
            output.kind === kind &&
            output.label.includes(text) &&
            // A video counts once its clock has moved (or play() was refused, to say why).
            (kind === "image" || output.advancedTo !== undefined || output.playError),
        ),
      [kind, prompt] as const,
      { timeout: 30_000 },
    )
    .catch((error: Error) => {
      throw new Error(`${error.message}\nThe page's requests so far:\n  ${requests.describe()}`);
    });
  const shown = (await found.jsonValue()) as ShownOutput;
  if (shown.playError)
    throw new Error(`the video for "${prompt}" would not play: ${shown.playError}`);
  if (kind === "image" && shown.size <= 0)
    throw new Error(`the image for "${prompt}" loaded empty`);
  if (kind === "video" && !(Math.abs(shown.size - videoSeconds) < 0.5))
    throw new Error(`the video for "${prompt}" lasts ${shown.size} s, not ${videoSeconds} s`);
  return shown;
}

async function generateOnce(page: Page, kind: Kind, prompt: string): Promise<Sample> {
  await page.getByLabel("Prompt").fill(prompt);
  const submitted = page.waitForResponse(isProxiedSubmit);
  const requests = watchRequests(page);
  await page.getByRole("button", { name: "Generate", exact: true }).click();
  const response = await submitted;
  if (response.status() !== 200) throw new Error(`the UI's submit answered ${response.status()}`);
  const { request_id: requestId } = (await response.json()) as { request_id: string };
  const shown = await waitForShown(page, kind, prompt, requests);
  await page.getByRole("button", { name: "Generate", exact: true }).waitFor();
  requests.stop();
  const completedAt = await emulator.scheduled(requestId, "completedAt");
  const after = (at: number | undefined) => (at === undefined ? undefined : at - completedAt);
  return {
    resultRequested: after(requests.resultAt(requestId)),
    fileRequested: after(shown.fileStartedAt),
    fileLoaded: after(shown.fileEndedAt),
    metadataLoaded: after(shown.metadataAt),
    shown: shown.at - completedAt,
  };
}

export type OutputSteps = Record<keyof Sample, Summary | undefined> & { shown: Summary };
export type TimeToOutput = Record<Kind, OutputSteps>;

function summarizeSteps(samples: Sample[]): OutputSteps {
  // A step counts only when every run saw it.
  const summary = (key: keyof Sample) => {
    const values = samples.flatMap((sample) => sample[key] ?? []);
    return values.length === samples.length ? summarize(values) : undefined;
  };
  return {
    resultRequested: summary("resultRequested"),
    fileRequested: summary("fileRequested"),
    fileLoaded: summary("fileLoaded"),
    metadataLoaded: summary("metadataLoaded"),
    shown: summarize(samples.map((sample) => sample.shown)),
  };
}

async function measureKind(page: Page, kind: Kind): Promise<OutputSteps> {
  const samples: Sample[] = [];
  // One generation first, unmeasured: the first of a kind also pays for fonts and code paths
  // (and, for a video, the emulator loading ffmpeg).
  for (let run = -1; run < outputRuns; run++) {
    const sample = await generateOnce(page, kind, `Bench ${kind} ${run + 1} ${Date.now()}`);
    if (run >= 0) samples.push(sample);
  }
  return summarizeSteps(samples);
}

export async function measureTimeToOutput(browser: Browser): Promise<TimeToOutput> {
  await emulator.setTiming(outputTiming);
  const context = await signedInContext(browser, outputUser);
  try {
    const page = await context.newPage();
    await page.addInitScript(recordOutputs);
    await page.goto(appUrl);
    const image = await measureKind(page, "image");
    await page.getByLabel("Model", { exact: true }).selectOption({ label: videoModel });
    const video = await measureKind(page, "video");
    return { image, video };
  } finally {
    await context.close();
  }
}

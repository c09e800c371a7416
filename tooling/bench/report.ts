/** The run's results as Markdown: printed, and written to .bench/ or docs/performance.md. */
import { judgeGoals } from "./goals";
import { addedLatencyNote, loadSection } from "./report-load";
import { sameRunSection, whereTheTimeGoesSection } from "./report-same-run";
import type { Results } from "./results";
import { kib, ms, type Summary } from "./stats";
import { table } from "./table";
import { outputTiming, videoModel } from "./time-to-output";

function machineSection({ machine, commit }: Results): string {
  return [
    `Measured by \`npm run bench\` on ${machine.date}, at commit ${commit}.`,
    "",
    `- CPU: ${machine.cpu}, ${machine.cores} cores`,
    `- Memory: ${machine.memoryGiB} GiB`,
    `- Node.js ${machine.node}, ${machine.os}`,
    `- 1-minute load average at the start: ${machine.loadAtStart} (other work on the machine shows in the numbers)`,
  ].join("\n");
}

function sessionSection({ sessionCheck }: Results): string {
  const intro = [
    "## Session check",
    "",
    "`createSessionTokenReader` (lib/auth/session-token.ts) timed with tinybench, in a Node " +
      "process of its own (`--conditions=react-server`, as the module imports `server-only`). " +
      "Warm: the same cookie again, answered from the cache. Cold: a new reader each time, " +
      "so each call decrypts and verifies the cookie. Each sample includes one `await`.",
    "",
  ];
  const rows = (["warm", "cold"] as const).map((name) => {
    const { p50, p99, samples } = sessionCheck[name];
    return [name, ms(p50), ms(p99), String(samples)];
  });
  return [...intro, table(["cache", "p50", "p99", "samples"], rows, new Set([1, 2, 3]))].join("\n");
}

function streamSection({ streamLatency }: Results): string {
  const rows = (["emulator", "proxy"] as const).map((route) => {
    const { p50, max, n } = streamLatency[route];
    return [
      route === "emulator" ? "emulator, direct" : "through the proxy",
      ms(p50),
      ms(max),
      String(n),
    ];
  });
  return [
    "## Status stream",
    "",
    "After one unmeasured round: a request queued for 300 ms; its status stream opened (Node `fetch`, parsed with " +
      "eventsource-parser) while it waits. Measured: when the first `IN_PROGRESS` frame is " +
      "parsed, minus the moment the emulator's schedule starts the request (`startedAt` from " +
      "`GET /__emulator/requests/<id>`). The direct row is the emulator's own timer delay.",
    "",
    table(["path", "p50", "max", "runs"], rows, new Set([1, 2, 3])),
  ].join("\n");
}

const fileStepsNote =
  "Signed in as a user of its own (`outputUser`), whose history holds only these runs, not " +
  "the load's. The file's two steps are the page's Resource Timing of its first fetch " +
  "(start, last byte).";

type Step = readonly [string, Summary | undefined];

function stepsTable(steps: readonly Step[]): string {
  const rows = steps.map(([step, summary]) =>
    summary ? [step, ms(summary.p50), ms(summary.max)] : [step, "not seen", ""],
  );
  return table(["after the emulator completes", "p50", "max"], rows, new Set([1, 2]));
}

function imageSection({ timeToOutput: { image } }: Results): string {
  return [
    "## Time to image",
    "",
    `${image.shown.n} generations (after one unmeasured) in Chromium through the real ` +
      `UI (queue ${outputTiming.queueMs} ms, run ${outputTiming.runMs} ms), each step timed ` +
      "from the emulator's `completedAt`. Shown: the page's `Date.now()` in the image's " +
      "`load` event. It includes the UI noticing completion (its polling or stream), " +
      "fetching the result, rendering, and downloading and decoding the PNG. The emulator " +
      "draws it once the run is watched (tooling/emulator/queue-routes.ts), as fal's file " +
      "is ready at completion; a drawing still under way shows in the last byte. " +
      fileStepsNote,
    "",
    stepsTable([
      ["the browser asks for the result", image.resultRequested],
      ["the browser asks for the image", image.fileRequested],
      ["its last byte is in", image.fileLoaded],
      ["the image is shown (`load`)", image.shown],
    ]),
  ].join("\n");
}

function videoSection({ timeToOutput: { video } }: Results): string {
  return [
    "## Time to video playing",
    "",
    `${video.shown.n} generations with ${videoModel} at its defaults (a 4 s clip, after one ` +
      `unmeasured) in Chromium through the real UI (queue ${outputTiming.queueMs} ms, run ` +
      `${outputTiming.videoRunMs} ms), each step timed from the emulator's \`completedAt\`. ` +
      'The UI does not autoplay (`preload="metadata"`): the bench\'s page script mutes the ' +
      "result's `<video>` and calls `play()` at `loadedmetadata`, as a user's click would " +
      "at the earliest, and takes the page's `Date.now()` at `playing`; a run counts only " +
      "once the clip's `currentTime` has moved and its duration is the 4 s asked. It " +
      "includes the UI noticing completion, fetching the result, rendering the player and " +
      "Chromium buffering enough to play. The emulator encodes the clip (ffmpeg) once the " +
      "run is watched, as fal's file is ready at completion. " +
      fileStepsNote,
    "",
    stepsTable([
      ["the browser asks for the result", video.resultRequested],
      ["the browser asks for the video", video.fileRequested],
      ["its last byte is in", video.fileLoaded],
      ["its metadata is loaded (`loadedmetadata`)", video.metadataLoaded],
      ["it plays (`playing`)", video.shown],
    ]),
  ].join("\n");
}

function weightSection({ clientWeight }: Results): string {
  const { firstLoad, afterLoad, chunks, encodings } = clientWeight;
  const rows = chunks.map((chunk) => [
    chunk.name,
    chunk.firstLoad ? "first load" : "after",
    kib(chunk.transferBytes),
    kib(chunk.decodedBytes),
  ]);
  return [
    "## Client weight",
    "",
    "The JavaScript of a signed-in first visit to `/` in Chromium (empty cache), from the " +
      `script responses: transferred (body as sent, ${encodings.join(", ")}) and decoded. ` +
      `**First load** (the scripts the page's HTML names): **${kib(firstLoad.transferBytes)} ` +
      `transferred, ${kib(firstLoad.decodedBytes)} decoded**. Fetched once the page is ` +
      `interactive (the fal client, \`lib/fal/browser/load-fal.ts\`, and the input check, \`lib/catalog/check-model-input.ts\`): ${kib(afterLoad.transferBytes)} ` +
      `transferred, ${kib(afterLoad.decodedBytes)} decoded. The page ships no Auth.js client: ` +
      "the server components read the session and pass the user as props.",
    "",
    table(["script", "loaded", "transferred", "decoded"], rows, new Set([2, 3])),
  ].join("\n");
}

function goalsSection(results: Results): string {
  const rows = judgeGoals(results).map((v) => [v.goal, v.limit, v.measured, v.verdict]);
  return [
    "## Goals",
    "",
    table(["goal", "limit", "measured", "verdict"], rows),
    "",
    addedLatencyNote(results),
  ].join("\n");
}

export function renderReport(results: Results): string {
  return [
    "# Performance",
    machineSection(results),
    "The production build (`next start`) with the local fal emulator and in-memory limits " +
      "and ownership (no `REDIS_URL`); the load generator, the app and the emulator each " +
      "run in their own process on this one machine. Run `npm run bench` to measure again; " +
      "it rewrites this file.",
    goalsSection(results),
    sameRunSection(results),
    whereTheTimeGoesSection(),
    loadSection(results),
    sessionSection(results),
    streamSection(results),
    imageSection(results),
    videoSection(results),
    weightSection(results),
  ].join("\n\n");
}

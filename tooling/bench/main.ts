/**
 * `npm run bench`: builds and starts the production app with the local fal emulator, signs a
 * user in with a minted cookie, measures, prints the results and writes them to
 * .bench/performance.md (ignored), or, with `npm run bench -- --write`, to the tracked
 * docs/performance.md. See tooling/bench/report.ts for what each number means.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { benchPorts } from "./bench-env";
import { prepareBenchTree } from "./bench-tree";
import { launchChromium } from "./browser";
import { measureClientWeight } from "./client-weight";
import { benchCookie } from "./fal-calls";
import { loadTiming } from "./load";
import { measureLoadTable } from "./load-cases";
import { describeCommit, describeMachine } from "./machine";
import { buildApp, logDir, startApp, startServices, stopAll } from "./processes";
import { renderReport } from "./report";
import type { Results } from "./results";
import { measureSameRun } from "./same-run";
import { measureSessionCheck } from "./session-check";
import { measureStreamLatency } from "./stream-latency";
import { measureTimeToOutput } from "./time-to-output";

// The tracked report changes only when asked, so a bench run leaves the work tree clean.
const reportPath = process.argv.includes("--write")
  ? "docs/performance.md"
  : ".bench/performance.md";
const log = (line: string) => console.log(`[bench] ${line}`);

async function run(): Promise<Results> {
  const machine = describeMachine();
  const commit = describeCommit();
  log(`logs: ${logDir}`);
  log("session check (tinybench, own process)…");
  const sessionCheck = await measureSessionCheck();
  log(`building the app with the bare library route (next build in ${tree.dir})…`);
  await buildApp(tree.dir);
  log(`starting the emulator (:${benchPorts.emulator}), sign-in and app (:${benchPorts.app})…`);
  await startServices();
  const app = await startApp(tree.dir);
  const cookie = await benchCookie();

  log("load (autocannon)…");
  const load = await measureLoadTable(cookie, log);
  log("the proxy against the bare library, same run (autocannon, interleaved rounds)…");
  const sameRun = await measureSameRun(cookie, app.pid, log);
  log("status stream latency…");
  const streamLatency = await measureStreamLatency(cookie);
  const browser = await launchChromium();
  try {
    log("client weight (Chromium)…");
    const clientWeight = await measureClientWeight(browser);
    log("time to image and to video playing (Chromium)…");
    const timeToOutput = await measureTimeToOutput(browser);
    return {
      machine,
      commit,
      load,
      sameRun,
      loadSeconds: loadTiming.seconds,
      warmupSeconds: loadTiming.warmupSeconds,
      sessionCheck,
      streamLatency,
      timeToOutput,
      clientWeight,
    };
  } finally {
    await browser.close();
  }
}

process.env.NEXT_TELEMETRY_DISABLED = "1";
const tree = prepareBenchTree();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(
    signal,
    () =>
      void stopAll().then(() => {
        tree.remove();
        process.exit(130);
      }),
  );
}
try {
  const report = `${renderReport(await run())}\n`;
  console.log(`\n${report}`);
  mkdirSync(dirname(reportPath), { recursive: true });
  writeFileSync(reportPath, report);
  log(`written to ${reportPath}`);
} catch (error) {
  console.error("[bench] failed:", error);
  console.error(`[bench] the app's, emulator's and build's output: ${logDir}`);
  process.exitCode = 1;
} finally {
  await stopAll();
  tree.remove();
}

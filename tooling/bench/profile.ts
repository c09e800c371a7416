/**
 * `npx tsx tooling/bench/profile.ts [proxy|bare …]`: where the server's CPU goes under load.
 * Builds the bench's app (tooling/bench/bench-tree.ts), starts `next start` under
 * `node --cpu-prof` once per route, loads it with submits and status polls at 16 connections
 * (`PROFILE_SECONDS` each, 8 by default), stops it, and prints self time by file and by
 * function from the profile V8 writes as the server exits. The profiles stay in the log folder
 * for Chrome DevTools or speedscope.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { emulator } from "./bench-env";
import { prepareBenchTree } from "./bench-tree";
import { summarizeCpuProfile } from "./cpu-profile";
import { benchCookie, type Route, submit } from "./fal-calls";
import { loadTiming, measureLoad } from "./load";
import { loadTarget } from "./load-cases";
import { buildApp, logDir, startApp, startServices, stopAll, stopApp } from "./processes";

const seconds = Number(process.env.PROFILE_SECONDS ?? 8);
const routes = process.argv
  .slice(2)
  .filter((arg): arg is Route => arg === "proxy" || arg === "bare");
const log = (line: string) => console.log(`[profile] ${line}`);

async function profileRoute(dir: string, route: Route): Promise<void> {
  const profileDir = join(logDir, `cpu-${route}`);
  const app = await startApp(dir, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`]);
  const cookie = await benchCookie();
  for (const operation of ["submit", "status"] as const) {
    // After the submits: a user's run store keeps only their newest runs.
    const requestId = await submit("proxy", cookie);
    const target = loadTarget(route, operation, cookie, requestId);
    const result = await measureLoad(`${operation} by ${route}`, target, 16);
    log(`${route} ${operation}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50.toFixed(2)} ms`);
  }
  await stopApp(app);
  for (const file of readdirSync(profileDir).filter((name) => name.endsWith(".cpuprofile"))) {
    const summary = summarizeCpuProfile(join(profileDir, file));
    log(`${route}: ${join(profileDir, file)} (${(summary.totalMs / 1000).toFixed(1)} s)`);
    for (const [title, rows] of [
      ["self time by file", summary.byFile],
      ["self time by function", summary.byFunction],
      ["the app build's functions, inclusive", summary.appInclusive],
    ] as const) {
      console.log(`\n${route}, ${title}:`);
      for (const row of rows) {
        console.log(
          `${(row.share * 100).toFixed(1).padStart(5)}%  ${row.ms.toFixed(0).padStart(6)} ms  ${row.name}`,
        );
      }
    }
  }
}

process.env.NEXT_TELEMETRY_DISABLED = "1";
loadTiming.warmupSeconds = 3;
loadTiming.seconds = seconds;
// Unminified, so the build's functions keep their names in the profile.
const tree = prepareBenchTree({ minify: false });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void stopAll().then(() => {
      tree.remove();
      process.exit(130);
    });
  });
}
try {
  log(`logs: ${logDir}; building in ${tree.dir}…`);
  await buildApp(tree.dir);
  await startServices();
  await emulator.setTiming({ queueMs: 0, runMs: 0 });
  for (const route of routes.length > 0 ? routes : (["proxy", "bare"] as const)) {
    await profileRoute(tree.dir, route);
  }
} catch (error) {
  console.error("[profile] failed:", error);
  process.exitCode = 1;
} finally {
  await stopAll();
  tree.remove();
}

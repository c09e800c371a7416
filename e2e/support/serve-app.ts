/**
 * Playwright's web server for the app: `tsx e2e/support/serve-app.ts <port> [--build]`.
 * Runs `next start` (after `next build` with --build) and copies its output to
 * `e2e/.logs/app-<port>.log`, so tests can read the audit log and prove that a failure
 * left no unhandled error behind.
 */
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { appLogPath } from "./app-log";

const [port, flag] = process.argv.slice(2);
if (!port) throw new Error("usage: serve-app.ts <port> [--build]");

// Next's own bin, run by this Node: no `npx`, so any package manager's layout works.
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

if (flag === "--build") {
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

mkdirSync("e2e/.logs", { recursive: true });
const log = createWriteStream(appLogPath(Number(port)), { flags: "w" });
const app = spawn(process.execPath, [nextBin, "start", "--port", port], {
  stdio: ["ignore", "pipe", "pipe"],
});
// The audit lines are many: they go to the log only; errors go to the terminal as well.
app.stdout.pipe(log);
app.stderr.on("data", (chunk: Buffer) => {
  log.write(chunk);
  process.stderr.write(chunk);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => app.kill(signal));
app.on("exit", (code) => process.exit(code ?? 0));

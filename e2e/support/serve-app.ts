/**
 * Playwright's web server for the app: `tsx e2e/support/serve-app.ts <port> [--build]`.
 * Runs `next start` (after `next build` with --build) and copies its output to
 * `e2e/.logs/app-<port>.log`, so tests can read the audit log and prove that a failure
 * left no unhandled error behind.
 */
import { createWriteStream, mkdirSync } from "node:fs";
import { exitOf, spawnNext } from "../../tooling/testing/next-process";
import { appLogPath } from "./app-log";

const [port, flag] = process.argv.slice(2);
if (!port) throw new Error("usage: serve-app.ts <port> [--build]");

if (flag === "--build") {
  const code = await exitOf(spawnNext(["build"], { stdio: "inherit" }));
  if (code !== 0) process.exit(code ?? 1);
}

mkdirSync("e2e/.logs", { recursive: true });
const log = createWriteStream(appLogPath(Number(port)), { flags: "w" });
const app = spawnNext(["start", "--port", port], { stdio: ["ignore", "pipe", "pipe"] });
// The audit lines are many: they go to the log only; errors go to the terminal as well.
app.stdout?.pipe(log);
app.stderr?.on("data", (chunk: Buffer) => {
  log.write(chunk);
  process.stderr.write(chunk);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => app.kill(signal));
app.on("exit", (code) => process.exit(code ?? 0));

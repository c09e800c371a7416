/**
 * The processes a run needs: `next build`, the local services (emulator and sign-in) and
 * `next start`. Each runs apart from the bench, so the load generator never shares an event
 * loop with what it measures; their output goes to log files.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { appUrl, benchAppEnv, benchPorts, benchSecrets, emulatorUrl } from "./bench-env";

export const logDir = join(tmpdir(), `fal-bench-${process.pid}`);
mkdirSync(logDir, { recursive: true });

const running = new Set<ChildProcess>();

function start(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd = process.cwd(),
): ChildProcess {
  const log = openSync(join(logDir, `${name}.log`), "w");
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", log, log] });
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

/** The copy's own Next, so the server and its build load one copy of Next and React. */
const nextBinIn = (dir: string) => join(dir, "node_modules/next/dist/bin/next");

function logTail(name: string, lines = 30): string {
  const text = readFileSync(join(logDir, `${name}.log`), "utf8");
  return text.split("\n").slice(-lines).join("\n");
}

/** `next build` in `dir` (the bench's copy of the tree); resolves to its output. */
export async function buildApp(dir: string): Promise<string> {
  const child = start("build", [nextBinIn(dir), "build"], benchAppEnv(), dir);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`next build exited with ${code}:\n${logTail("build")}`);
  return readFileSync(join(logDir, "build.log"), "utf8");
}

async function waitFor(url: string, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${name} exited with ${child.exitCode}:\n${logTail(name)}`);
    }
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await sleep(200);
  }
  throw new Error(
    `${name} did not answer ${url} within 60 s (is the port free?):\n${logTail(name)}`,
  );
}

/** The emulator and the local OIDC provider (tooling/services.ts, one child process). */
export async function startServices(): Promise<void> {
  const child = start("services", ["--import", "tsx", "tooling/services.ts"], {
    ...process.env,
    FAL_KEY: benchSecrets.falKey,
    EMULATOR_PORT: String(benchPorts.emulator),
    OIDC_PORT: String(benchPorts.oidc),
  });
  await waitFor(`${emulatorUrl}/__emulator/health`, child, "services");
}

/**
 * `next start` in `dir` on the bench port; its audit lines go to app.log. `nodeOptions` go to
 * Node before Next's bin (the profiler's `--cpu-prof`). Answers the server's process.
 */
export async function startApp(dir: string, nodeOptions: string[] = []): Promise<ChildProcess> {
  // The bench's fetch closes idle connections after about 4 s; with Next's default 5 s the
  // two can race when the bench's timer fires late, and a call fails with "other side closed".
  const next = [
    nextBinIn(dir),
    "start",
    "--port",
    String(benchPorts.app),
    "--keepAliveTimeout",
    "65000",
  ];
  const child = start("app", [...nodeOptions, ...next], benchAppEnv(), dir);
  await waitFor(`${appUrl}/sign-in`, child, "app");
  return child;
}

/** Stops every process this run started, and waits for them to go. */
export async function stopAll(): Promise<void> {
  const exits = [...running].map(
    (child) => new Promise<void>((resolve) => child.once("exit", () => resolve())),
  );
  for (const child of running) child.kill("SIGTERM");
  await Promise.race([Promise.all(exits), sleep(5_000)]);
  for (const child of running) child.kill("SIGKILL");
}

/** Stops one process this run started (the app, to restart it), and waits for it to go. */
export async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  await exited;
}

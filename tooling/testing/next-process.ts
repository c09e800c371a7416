/**
 * How demo mode, the e2e web servers and the bench run Next.js: Next's own bin, run by this
 * Node, so no `npx` and any package manager's layout works.
 */
import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";
import { createRequire } from "node:module";

export const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

/** `next <args>` (`build`, `start --port 3000`, …) as a child process. */
export function spawnNext(args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], options);
}

/** Resolves with the exit code of `child`. */
export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", resolve));
}

/** Runs `playwright test` with the given arguments and extra environment; returns its exit code. */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

export function runPlaywright(args: string[], env: Record<string, string> = {}): number {
  // Playwright's own CLI under this Node: no package manager's layout assumed.
  const cli = createRequire(import.meta.url).resolve("@playwright/test/cli");
  const run = spawnSync(process.execPath, [cli, "test", ...args], {
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  return run.status ?? 1;
}

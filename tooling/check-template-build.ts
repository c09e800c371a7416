/**
 * `npm run test:template`: proves the README's "Make it yours". The tree git would commit is
 * copied to a temporary folder without what a user may drop (`tooling/`, `e2e/` and the test
 * runners' configs), and `next build` must pass there.
 */
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { copyTrackedTree } from "./tracked-tree";

const dropped = ["tooling/", "e2e/", "playwright.config.ts", "vitest.config.ts"];

const copy = copyTrackedTree("fal-template-", dropped);
try {
  console.log(`[template] next build without ${dropped.join(" and ")} (in ${copy})`);
  const build = spawn(process.execPath, [join(copy, "node_modules/next/dist/bin/next"), "build"], {
    cwd: copy,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  build.stdout?.resume();
  const code = await new Promise<number | null>((resolve) => build.once("exit", resolve));
  if (code !== 0) {
    console.error(`[template] the app does not build without ${dropped.join(" and ")}`);
    process.exitCode = 1;
  } else {
    console.log(`[template] the app builds without ${dropped.join(" and ")}`);
  }
} finally {
  rmSync(copy, { recursive: true, force: true });
}

/**
 * `npm run test:template`: proves the README's "Make it yours". The tree git would commit is
 * copied to a temporary folder without what a user may drop (`tooling/`, `e2e/` and the test
 * runners' configs), and `next build` must pass there.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const dropped = ["tooling/", "e2e/", "playwright.config.ts", "vitest.config.ts"];

const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"])
  .toString()
  .split("\0")
  .filter((file) => file && existsSync(file) && !dropped.some((folder) => file.startsWith(folder)));

const copy = mkdtempSync(join(tmpdir(), "fal-template-"));
try {
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(file, join(copy, file));
  }
  // Hard links where the file system allows (seconds); a plain copy elsewhere. Not a symlink:
  // Next's bundler refuses files outside the project's folder.
  const linked = spawnSync("cp", ["-al", "node_modules", join(copy, "node_modules")]).status === 0;
  if (!linked) cpSync("node_modules", join(copy, "node_modules"), { recursive: true });

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

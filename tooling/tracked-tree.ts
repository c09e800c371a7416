/**
 * A copy of the tree git would commit (tracked files and new ones not ignored), in a fresh
 * temporary folder, with node_modules beside it: the template check builds the app there
 * without the tooling, and the bench builds it there with a route of its own.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** The files git would commit, less those under any of `dropped` (folders or files). */
export function trackedFiles(dropped: readonly string[] = []): string[] {
  return execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"])
    .toString()
    .split("\0")
    .filter(
      (file) => file && existsSync(file) && !dropped.some((prefix) => file.startsWith(prefix)),
    );
}

/** Copies the tracked tree (less `dropped`) to a new folder named `prefix…`; answers its path. */
export function copyTrackedTree(prefix: string, dropped: readonly string[] = []): string {
  const copy = mkdtempSync(join(tmpdir(), prefix));
  for (const file of trackedFiles(dropped)) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(file, join(copy, file));
  }
  // Hard links where the file system allows (seconds); a plain copy elsewhere. Not a symlink:
  // Next's bundler refuses files outside the project's folder.
  const linked = spawnSync("cp", ["-al", "node_modules", join(copy, "node_modules")]).status === 0;
  if (!linked) cpSync("node_modules", join(copy, "node_modules"), { recursive: true });
  return copy;
}

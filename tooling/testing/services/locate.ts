/**
 * Where this machine's test services are, looked up only: nothing is installed here. Both are
 * searched by name on the PATH, so a PATH without them is a machine without them.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import { chromium } from "@playwright/test";

export const chromiumPathVariable = "PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH";
const chromiumNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

/** This machine may have no outside network: keep Chromium from reaching for it. */
export const chromiumLaunchArgs = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-quic",
];

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function onPath(name: string): string | undefined {
  const dirs = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  return dirs.map((dir) => join(dir, name)).find(isExecutable);
}

export function locateRedisServer(): string | undefined {
  return onPath("redis-server");
}

/**
 * PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH when set (and nothing else: it was asked for), then a
 * Playwright-managed Chromium, then a system one on the PATH.
 */
export function locateChromium(): string | undefined {
  const configured = process.env[chromiumPathVariable];
  if (configured) return isExecutable(configured) ? configured : undefined;
  const managed = chromium.executablePath();
  if (isExecutable(managed)) return managed;
  for (const name of chromiumNames) {
    const found = onPath(name);
    if (found) return found;
  }
  return undefined;
}

/** The first line of `<binary> --version`, to say which one runs. */
export function versionOf(binary: string): string {
  const run = spawnSync(binary, ["--version"], { encoding: "utf8", timeout: 30_000 });
  if (run.status !== 0) return "version unknown";
  // redis-server adds its build hash and allocator; the version is what a reader needs.
  return (run.stdout.trim().split("\n")[0] ?? "").replace(/ sha=.*/, "");
}

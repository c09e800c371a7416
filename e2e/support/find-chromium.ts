import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chromium } from "@playwright/test";

const envVariable = "PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH";
const systemCandidates = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

function systemChromium(): string | undefined {
  return systemCandidates.find((path) => existsSync(path));
}

function playwrightChromium(): boolean {
  return existsSync(chromium.executablePath());
}

function isDebianLikeRoot(): boolean {
  if (process.getuid?.() !== 0 || !existsSync("/etc/os-release")) return false;
  return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync("/etc/os-release", "utf8"));
}

function attempt(command: string, args: string[]): void {
  console.log(`[e2e] No Chromium found; trying: ${command} ${args.join(" ")}`);
  spawnSync(command, args, { stdio: "inherit", timeout: 10 * 60_000 });
}

/** This machine may have no outside network: keep Chromium from reaching for it. */
export const chromiumArgs = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-quic",
];

/**
 * The Chromium for the e2e tests, as an executable path (undefined: Playwright's own build).
 * Order: PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, a Playwright-managed Chromium, a system
 * Chromium; then it tries to install one. The answer goes into the environment so Playwright's
 * worker processes, which load this config again, skip the search.
 */
export function findChromium(): string | undefined {
  const configured = process.env[envVariable];
  if (configured) {
    if (!existsSync(configured)) throw new Error(`${envVariable}=${configured} does not exist.`);
    return configured;
  }
  if (playwrightChromium()) return undefined;

  let found = systemChromium();
  if (!found) {
    attempt("npx", ["playwright", "install", "chromium"]);
    if (playwrightChromium()) return undefined;
    if (isDebianLikeRoot()) {
      attempt("apt-get", ["update"]);
      attempt("apt-get", ["install", "-y", "chromium"]);
      found = systemChromium();
    }
  }
  if (!found) {
    throw new Error(
      `No Chromium for the e2e tests. Install one (\`npx playwright install chromium\`, or your system's chromium package) or set ${envVariable}.`,
    );
  }
  console.log(`[e2e] Using ${found} (${execFileSync(found, ["--version"]).toString().trim()})`);
  process.env[envVariable] = found;
  return found;
}

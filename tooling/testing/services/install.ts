/**
 * Installs what the tests need where that is safe to do unasked: with apt-get as root on
 * Debian or Ubuntu (or under CI with password-less sudo, as on GitHub's runners), and
 * Chromium through Playwright, which needs no root.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { onPath } from "./locate";
import { isCi } from "./services-file";

const tenMinutes = 10 * 60_000;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`[test-services] ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", timeout: tenMinutes, env });
  return result.status === 0;
}

function isDebianLike(): boolean {
  if (!existsSync("/etc/os-release")) return false;
  return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync("/etc/os-release", "utf8"));
}

/** The prefix that runs apt-get as root, or undefined when this process may not. */
function aptAsRoot(): string[] | undefined {
  if (!isDebianLike() || !onPath("apt-get")) return undefined;
  if (process.getuid?.() === 0) return [];
  // A developer's cached sudo is not consent to install packages: only CI's sudo is used.
  if (isCi() && onPath("sudo") && spawnSync("sudo", ["-n", "true"]).status === 0)
    return ["sudo", "-n"];
  return undefined;
}

/** `apt-get update` once, then each package on its own: one unknown name must not stop the rest. */
export function aptInstall(packages: string[]): void {
  const prefix = aptAsRoot();
  if (!prefix || packages.length === 0) return;
  const apt = (args: string[]) => {
    const [command = "apt-get", ...rest] = [...prefix, "apt-get", ...args];
    return run(command, rest, { ...process.env, DEBIAN_FRONTEND: "noninteractive" });
  };
  apt(["update", "-qq"]);
  for (const name of packages) apt(["install", "-y", "-qq", name]);
}

/** Playwright's own Chromium build, into its user cache. */
export function playwrightInstallChromium(): void {
  const cli = createRequire(import.meta.url).resolve("@playwright/test/cli");
  console.log("[test-services] npx playwright install chromium (a download of about 150 MB)");
  // Its output is kept back: a failure prints a stack for each retry; one line says it.
  const result = spawnSync(process.execPath, [cli, "install", "chromium"], {
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    timeout: tenMinutes,
  });
  if (result.status === 0) return;
  const reason = `${result.stderr}\n${result.stdout}`
    .split("\n")
    .find((line) => line.startsWith("Error:") && !line.endsWith("caused by"));
  console.log(
    `[test-services] Playwright could not install Chromium: ${reason ?? "no reason given"}`,
  );
}

/**
 * What `npm run test:services` found, kept in an ignored file so the test runners, each its
 * own process, read one answer. A runner started without that step looks the services up
 * itself (never installing anything).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { chromiumPathVariable, isExecutable, locateChromium, locateRedisServer } from "./locate";

export const servicesFile = ".test-services.json";

/** Absolute paths, or null for a service this machine lacks. */
export type TestServices = { redisServer: string | null; chromium: string | null };

export function locateTestServices(): TestServices {
  return { redisServer: locateRedisServer() ?? null, chromium: locateChromium() ?? null };
}

export function writeTestServices(services: TestServices): void {
  writeFileSync(servicesFile, `${JSON.stringify(services, null, 2)}\n`);
}

function recorded(): Partial<TestServices> {
  if (!existsSync(servicesFile)) return {};
  try {
    return JSON.parse(readFileSync(servicesFile, "utf8")) as Partial<TestServices>;
  } catch {
    return {};
  }
}

/** The recorded services that are still there; anything else is looked up again. */
export function readTestServices(): TestServices {
  const saved = recorded();
  const still = (path: string | null | undefined) =>
    path && isExecutable(path) ? path : undefined;
  return {
    redisServer: still(saved.redisServer) ?? locateRedisServer() ?? null,
    // An explicit executable path always wins over what was recorded before it was set.
    chromium: process.env[chromiumPathVariable]
      ? (locateChromium() ?? null)
      : (still(saved.chromium) ?? locateChromium() ?? null),
  };
}

export const isCi = () => Boolean(process.env.CI) && process.env.CI !== "false";

import { readFileSync, statSync } from "node:fs";

export function appLogPath(port: number): string {
  return `e2e/.logs/app-${port}.log`;
}

/** What an app instance printed from now on: its audit lines and any error it logged. */
export function watchAppLog(port: number) {
  const path = appLogPath(port);
  const start = statSync(path).size;
  const text = () => readFileSync(path).subarray(start).toString("utf8");
  return {
    text,
    auditLines: () =>
      text()
        .split("\n")
        .filter((line) => line.startsWith('{"event":"fal_proxy"'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** What Next.js prints for an error a route handler did not handle: `⨯ Error…` and a stack. */
export const unhandledErrorPattern = /⨯|unhandled|uncaught|^\s+at\s/im;

/**
 * Where a proxied call's time goes, from the app's own audit lines: `durationMs` is the route
 * handler's time, `upstreamMs` the part spent in `@fal-ai/server-proxy` waiting for the
 * emulator's headers; the difference is the guard's own work (session, rules, stores, log).
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { AuditEntry } from "../../lib/proxy/audit-log";
import { logDir } from "./processes";
import { percentile } from "./stats";

export type AuditBreakdown = {
  calls: number;
  routeP50: number;
  upstreamP50: number;
  guardP50: number;
};

const appLog = () => join(logDir, "app.log");

/** A mark in the app's log: the audit lines written after it belong to what follows. */
export function auditMark(): number {
  return statSync(appLog()).size;
}

export function auditBreakdownSince(mark: number): AuditBreakdown {
  const entries = readFileSync(appLog())
    .subarray(mark)
    .toString("utf8")
    .split("\n")
    .filter((line) => line.startsWith('{"event":"fal_proxy"'))
    .map((line) => JSON.parse(line) as AuditEntry)
    .filter((entry) => entry.upstreamMs !== null);
  if (entries.length === 0) throw new Error("no audit lines with upstreamMs in the app's log");
  const p50 = (pick: (entry: AuditEntry) => number) => percentile(entries.map(pick), 50);
  const upstream = (entry: AuditEntry) => entry.upstreamMs ?? 0;
  return {
    calls: entries.length,
    routeP50: p50((entry) => entry.durationMs),
    upstreamP50: p50(upstream),
    guardP50: p50((entry) => entry.durationMs - upstream(entry)),
  };
}

/**
 * The load table: submit and status, at 1 and 16 connections, straight to the emulator and
 * through the proxy (session, allow-list, target rules, input check, ownership, limits,
 * budgets, audit line).
 */

import { falUrls } from "../testing/fal-urls";
import { type AuditBreakdown, auditBreakdownSince, auditMark } from "./audit-breakdown";
import { emulator, submitBody } from "./bench-env";
import { type Route, request, submit } from "./fal-calls";
import { type LoadResult, type LoadTarget, measureLoad } from "./load";

export type Operation = "submit" | "status";
export type LoadRow = {
  operation: Operation;
  connections: number;
  emulator: LoadResult;
  proxy: LoadResult;
  /** The proxy's measured run, as its own audit lines saw it. */
  insideProxy: AuditBreakdown;
};

export const connectionCounts = [1, 16] as const;

/** The load for `operation` by `route`; a status polls `requestId`. */
export function loadTarget(route: Route, operation: Operation, cookie: string, requestId: string) {
  if (operation === "submit") {
    const { url, headers } = request(route, falUrls.submit(), cookie, true);
    return { url, headers, method: "POST", body: submitBody } satisfies LoadTarget;
  }
  const { url, headers } = request(route, falUrls.status(requestId), cookie);
  return { url, headers, method: "GET" } satisfies LoadTarget;
}

export async function measureLoadTable(
  cookie: string,
  progress: (line: string) => void,
): Promise<LoadRow[]> {
  // Every request completes the moment it is submitted: the emulator computes status from
  // the clock and keeps no timers, and no status stream is open during the load.
  await emulator.setTiming({ queueMs: 0, runMs: 0 });
  const rows: LoadRow[] = [];
  for (const connections of connectionCounts) {
    for (const operation of ["submit", "status"] as const) {
      // Submitted through the proxy, so the bench user owns it; the emulator asks no owner.
      const requestId = await submit("proxy", cookie);
      let mark = 0;
      const measure = (route: Route) =>
        measureLoad(
          `${operation} by ${route}, ${connections} conn.`,
          loadTarget(route, operation, cookie, requestId),
          connections,
          () => {
            mark = auditMark();
          },
        );
      const direct = await measure("emulator");
      const proxied = await measure("proxy");
      const insideProxy = auditBreakdownSince(mark);
      progress(`  ${operation}, ${connections} conn.: emulator and proxy measured`);
      rows.push({ operation, connections, emulator: direct, proxy: proxied, insideProxy });
    }
  }
  return rows;
}

/** The same-run comparison of the proxy with the bare library route, and where the time goes. */
import { readFileSync } from "node:fs";
import type { Results } from "./results";
import { medianRatio } from "./same-run";
import { ms } from "./stats";
import { table } from "./table";

/** The throughput the proxy keeps of the bare library's, at the least (issue 16). */
export const sameRunGoal = 0.85;

export function sameRunSection({ sameRun }: Results): string {
  const rows = sameRun.cells.map((cell) => {
    const ratio = medianRatio(cell);
    return [
      cell.operation,
      String(cell.connections),
      cell.proxy.rps.toFixed(0),
      cell.bare.rps.toFixed(0),
      `**${ratio.toFixed(2)}**`,
      `${Math.min(...cell.ratios).toFixed(2)}–${Math.max(...cell.ratios).toFixed(2)}`,
      ms(cell.proxy.p50),
      ms(cell.bare.p50),
      ms(cell.cpuPerRequest.proxy),
      ms(cell.cpuPerRequest.bare),
      (cell.cpuPerRequest.bare / cell.cpuPerRequest.proxy).toFixed(2),
      ratio >= sameRunGoal ? "met" : "missed",
    ];
  });
  const headers = ["operation", "conn.", "ours req/s", "bare req/s", "ours/bare"];
  headers.push("rounds' range", "ours p50", "bare p50", "ours CPU/req", "bare CPU/req");
  headers.push("bare/ours CPU", `≥ ${sameRunGoal}`);
  return [
    "## The proxy against the bare library, same run",
    "",
    "**ours**: `/api/fal/proxy`, the guard in front of `createRouteHandler` (every stage: " +
      "session, allow-list, target rules, input check, metering, ownership, budgets, the run " +
      "record, the audit line). **bare**: `/api/bench/bare`, the library's " +
      "`createRouteHandler({ allowedEndpoints, allowUnauthorizedRequests: true })` with the " +
      "server's key and no checks, a route only the bench's own build has " +
      "(tooling/bench/bench-tree.ts). Both in the same `next start`, the same requests " +
      `(cookie and \`x-fal-target-url\`), the same emulator. Per case one ${sameRun.warmupSeconds} s ` +
      `warm-up of each, then ${sameRun.rounds} rounds (\`BENCH_ROUNDS\`) of ${sameRun.roundSeconds} s ` +
      "(`BENCH_ROUND_SECONDS`) per route, taking turns to go first. Figures are medians over " +
      "the rounds; **ours/bare** is the median of the rounds' throughput ratios. **CPU/req** " +
      "is the server process's CPU time (user and system, from /proc) over a round divided by " +
      "the requests it answered, median over the rounds; **bare/ours CPU** is the share of " +
      "throughput a CPU-bound server keeps, and depends far less than throughput on what else " +
      "the machine runs. 1-minute load " +
      `average ${sameRun.loadBefore} as it began, ${sameRun.loadAfter} as it ended (2 cores: ` +
      "other work falls on both routes alike, but makes every figure noisier).",
    "",
    table(headers, rows, new Set([2, 3, 4, 5, 6, 7, 8, 9, 10])),
  ].join("\n");
}

/** Written from `tooling/bench/profile.ts`'s output: prose a person keeps, not a measurement. */
export function whereTheTimeGoesSection(): string {
  return readFileSync(new URL("./where-the-time-goes.md", import.meta.url), "utf8").trim();
}

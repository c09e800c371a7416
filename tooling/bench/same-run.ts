/**
 * The proxy against the library's bare `createRouteHandler` (tooling/bench/bench-tree.ts), in
 * the same server and the same run: per case one warm-up of each route, then `BENCH_ROUNDS`
 * rounds of `BENCH_ROUND_SECONDS` each, the two routes taking turns to go first, so that
 * whatever else the machine does falls on both. The ratio is the median of the rounds' ratios.
 */
import { loadavg } from "node:os";
import { emulator } from "./bench-env";
import { submit } from "./fal-calls";
import { type LoadResult, loadTiming, measureLoad } from "./load";
import { connectionCounts, loadTarget, type Operation } from "./load-cases";
import { cpuMsOf } from "./process-cpu";
import { percentile } from "./stats";

export type SameRunCell = {
  operation: Operation;
  connections: number;
  /** Medians over the rounds. */
  proxy: { rps: number; p50: number };
  bare: { rps: number; p50: number };
  /** ours ÷ bare throughput, each round's, in the order measured. */
  ratios: number[];
  /** The app server's CPU per answered request, median over the rounds (ms). */
  cpuPerRequest: { proxy: number; bare: number };
};

type SameRunRoute = "proxy" | "bare";

export type SameRun = {
  cells: SameRunCell[];
  rounds: number;
  roundSeconds: number;
  warmupSeconds: number;
  /** 1-minute load averages as the comparison began and ended. */
  loadBefore: number;
  loadAfter: number;
};

// Short rounds, many of them: the two routes share each stretch of the machine's other load.
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 15));
const roundSeconds = Number(process.env.BENCH_ROUND_SECONDS ?? 1);
const median = (values: number[]) => percentile(values, 50);
const load1 = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;

/** `appPid`: the `next start` process, whose CPU each round's requests cost. */
export async function measureSameRun(
  cookie: string,
  appPid: number | undefined,
  progress: (line: string) => void,
): Promise<SameRun> {
  const loadBefore = load1();
  await emulator.setTiming({ queueMs: 0, runMs: 0 });
  const cells: SameRunCell[] = [];
  for (const connections of connectionCounts) {
    for (const operation of ["submit", "status"] as const) {
      // Submitted after any submit load: a user's run store keeps only their newest runs.
      const requestId = await submit("proxy", cookie);
      const results: Record<SameRunRoute, LoadResult[]> = { proxy: [], bare: [] };
      const cpu: Record<SameRunRoute, number[]> = { proxy: [], bare: [] };
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? (["proxy", "bare"] as const) : (["bare", "proxy"] as const);
        for (const route of order) {
          let cpuAtStart = Number.NaN;
          const result = await measureLoad(
            `${operation} by ${route}, ${connections} conn. (same run)`,
            loadTarget(route, operation, cookie, requestId),
            connections,
            () => {
              cpuAtStart = cpuMsOf(appPid);
            },
            { warmupSeconds: round === 0 ? loadTiming.warmupSeconds : 0, seconds: roundSeconds },
          );
          results[route].push(result);
          cpu[route].push((cpuMsOf(appPid) - cpuAtStart) / result.requests);
        }
      }
      const summary = (route: SameRunRoute) => ({
        rps: median(results[route].map((result) => result.rps)),
        p50: median(results[route].map((result) => result.p50)),
      });
      const ratios = results.proxy.map(
        (ours, i) => ours.rps / (results.bare[i]?.rps ?? Number.NaN),
      );
      const cpuPerRequest = { proxy: median(cpu.proxy), bare: median(cpu.bare) };
      const cell = {
        ...{ operation, connections, ratios, cpuPerRequest },
        ...{ proxy: summary("proxy"), bare: summary("bare") },
      };
      progress(`  ${operation}, ${connections} conn.: ours/bare ${median(ratios).toFixed(2)}`);
      cells.push(cell);
    }
  }
  return {
    cells,
    rounds,
    roundSeconds,
    warmupSeconds: loadTiming.warmupSeconds,
    loadBefore,
    loadAfter: load1(),
  };
}

/** The median of a cell's per-round ratios. */
export const medianRatio = (cell: SameRunCell) => median(cell.ratios);

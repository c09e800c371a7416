/**
 * One load measurement with autocannon: a warm-up, then a timed run. Latency percentiles come
 * from every response's own time (autocannon's histogram keeps whole milliseconds only, too
 * coarse for a local emulator); any answer but 2xx, any error or timeout fails the run.
 */
import autocannon from "autocannon";
import { percentile } from "./stats";

export type LoadTarget = {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
};

export type LoadResult = { requests: number; p50: number; p99: number; rps: number };

export const loadTiming = {
  // The app's first seconds of load run colder code (JIT, caches): its p50 at one connection
  // falls by about a third over the first ten seconds, then holds.
  warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 6),
  seconds: Number(process.env.BENCH_SECONDS ?? 3),
};

function fire(target: LoadTarget, connections: number, seconds: number) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  return new Promise<{ result: autocannon.Result; latencies: number[]; statuses: typeof statuses }>(
    (resolve, reject) => {
      const instance = autocannon(
        { ...target, connections, duration: seconds, pipelining: 1, timeout: 10 },
        (error, result) => (error ? reject(error) : resolve({ result, latencies, statuses })),
      );
      instance.on("response", (_client, statusCode, _bytes, responseTime) => {
        statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
        if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      });
    },
  );
}

function check(name: string, run: Awaited<ReturnType<typeof fire>>): void {
  const { result, statuses } = run;
  const bad = [...statuses].filter(([status]) => status < 200 || status >= 300);
  if (bad.length > 0 || result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    const counts = [...statuses].map(([status, n]) => `${status}: ${n}`).join(", ");
    throw new Error(
      `${name}: not every answer was 2xx (${counts}; errors ${result.errors}, ` +
        `timeouts ${result.timeouts}). A benchmark of refusals measures nothing.`,
    );
  }
  if (run.latencies.length === 0) throw new Error(`${name}: no responses at all`);
}

/** A warm-up (none when `timing.warmupSeconds` is 0), then the measured run. */
export async function measureLoad(
  name: string,
  target: LoadTarget,
  connections: number,
  beforeRun?: () => void,
  timing: { warmupSeconds: number; seconds: number } = loadTiming,
): Promise<LoadResult> {
  if (timing.warmupSeconds > 0) {
    check(`${name} (warm-up)`, await fire(target, connections, timing.warmupSeconds));
  }
  beforeRun?.();
  const run = await fire(target, connections, timing.seconds);
  check(name, run);
  return {
    requests: run.latencies.length,
    p50: percentile(run.latencies, 50),
    p99: percentile(run.latencies, 99),
    rps: run.latencies.length / run.result.duration,
  };
}

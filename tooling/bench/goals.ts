/** The issues' goals, each judged on a number measured in this run (a p50 for a time). */
import { sameRunGoal } from "./report-same-run";
import type { Results } from "./results";
import { medianRatio } from "./same-run";
import { kib, ms } from "./stats";

export type Verdict = { goal: string; limit: string; measured: string; verdict: string };

/**
 * Issues 17 and 18's "today's" first-load JS: commit db98e88 (main when they were filed),
 * built and measured with this bench's client-weight.ts (the same file there, as
 * scripts/bench/client-weight.ts), gzip bytes transferred; three visits gave the same number.
 */
export const baselineFirstLoadBytes = 158_702;
/** How far past the baseline the first load may grow (issues 17 and 18). */
export const firstLoadAllowanceBytes = 5 * 1024;

function judge(goal: string, limitMs: number, p50: number, extra = ""): Verdict {
  const limit = `≤ ${ms(limitMs)} p50`;
  const measured = `${ms(p50)} p50${extra}`;
  const verdict =
    p50 <= limitMs
      ? `met, ${ms(limitMs - p50)} to spare`
      : `missed by ${ms(p50 - limitMs)} (${(p50 / limitMs).toFixed(1)}× the goal)`;
  return { goal, limit, measured, verdict };
}

/** Issues 17 and 18: the first load stays within the allowance of db98e88's. */
function judgeFirstLoad({ clientWeight }: Results): Verdict {
  const limitBytes = baselineFirstLoadBytes + firstLoadAllowanceBytes;
  const bytes = clientWeight.firstLoad.transferBytes;
  const sign = bytes >= baselineFirstLoadBytes ? "+" : "−";
  return {
    goal: "first-load JS, transferred (gzip)",
    limit: `≤ ${kib(limitBytes)} (db98e88's ${baselineFirstLoadBytes} B + 5 KiB)`,
    measured: `${kib(bytes)}, ${bytes} B (${sign}${kib(Math.abs(bytes - baselineFirstLoadBytes))})`,
    verdict:
      bytes <= limitBytes
        ? `met, ${kib(limitBytes - bytes)} to spare`
        : `missed by ${kib(bytes - limitBytes)}`,
  };
}

/** Issue 16: the guard keeps at least `sameRunGoal` of the bare library's throughput. */
function judgeSameRun(results: Results): Verdict[] {
  return results.sameRun.cells.map((cell) => {
    const ratio = medianRatio(cell);
    return {
      goal: `throughput ours/bare, ${cell.operation}, ${cell.connections} conn. (same run)`,
      limit: `≥ ${sameRunGoal.toFixed(2)}`,
      measured: `${ratio.toFixed(2)} (median of ${cell.ratios.length} rounds)`,
      verdict:
        ratio >= sameRunGoal
          ? `met, ${(ratio - sameRunGoal).toFixed(2)} to spare`
          : `missed by ${(sameRunGoal - ratio).toFixed(2)}`,
    };
  });
}

export function judgeGoals(results: Results): Verdict[] {
  const stream = results.streamLatency.proxy;
  const { image, video } = results.timeToOutput;
  const added = results.load
    .filter((row) => row.connections === 1)
    .map((row) =>
      judge(
        `the proxy's added latency, ${row.operation}, 1 connection`,
        1,
        row.proxy.p50 - row.emulator.p50,
        `, of it the guard ${ms(row.insideProxy.guardP50)}`,
      ),
    );
  return [
    judge("session check with a warm cache", 0.05, results.sessionCheck.warm.p50),
    ...added,
    ...judgeSameRun(results),
    judge(
      "first status event, emulator to reader, through the proxy",
      50,
      stream.p50,
      `, max ${ms(stream.max)}`,
    ),
    judge(
      "emulator completes → image shown in Chromium",
      150,
      image.shown.p50,
      `, max ${ms(image.shown.max)}`,
    ),
    // Issue 17.
    judge(
      "emulator completes → video playing in Chromium",
      300,
      video.shown.p50,
      `, max ${ms(video.shown.max)}`,
    ),
    judgeFirstLoad(results),
  ];
}

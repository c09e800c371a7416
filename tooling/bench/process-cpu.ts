/**
 * CPU time a process has used so far (user and system, all its threads), from Linux's
 * /proc: divided by the requests it served in a stretch, what one request costs it, which
 * other work on the machine changes far less than it changes throughput.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

let ticksPerSecond: number | undefined;

/** Milliseconds of CPU used by `pid`, or NaN where /proc is not there to say. */
export function cpuMsOf(pid: number | undefined): number {
  try {
    ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }));
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The name in parentheses may hold spaces; utime and stime are the 12th and 13th after it.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return Number.NaN;
  }
}

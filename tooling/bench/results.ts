/** Everything one run measures, as the report reads it. */
import type { ClientWeight } from "./client-weight";
import type { LoadRow } from "./load-cases";
import type { Machine } from "./machine";
import type { SameRun } from "./same-run";
import type { SessionCheckReport } from "./session-check";
import type { StreamLatency } from "./stream-latency";
import type { TimeToOutput } from "./time-to-output";

export type Results = {
  machine: Machine;
  /** The commit measured, with "+ changes" when the checkout differs from it. */
  commit: string;
  load: LoadRow[];
  sameRun: SameRun;
  loadSeconds: number;
  warmupSeconds: number;
  sessionCheck: SessionCheckReport;
  streamLatency: StreamLatency;
  timeToOutput: TimeToOutput;
  clientWeight: ClientWeight;
};

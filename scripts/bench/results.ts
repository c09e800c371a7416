/** Everything one run measures, as the report reads it. */
import type { ClientWeight } from "./client-weight";
import type { LoadRow } from "./load-cases";
import type { Machine } from "./machine";
import type { SessionCheckReport } from "./session-check";
import type { Summary } from "./stats";
import type { StreamLatency } from "./stream-latency";

export type Results = {
  machine: Machine;
  load: LoadRow[];
  loadSeconds: number;
  sessionCheck: SessionCheckReport;
  streamLatency: StreamLatency;
  timeToImage: Summary;
  clientWeight: ClientWeight;
};

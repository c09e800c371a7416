/**
 * Queued requests and what the status endpoint says about them. The clock is injected so
 * the whole lifecycle is testable without waiting.
 *
 * Cancellation: a cancel before completion stops the request at once (queued or running).
 * The public status then reads `COMPLETED` with `error`/`error_type`, because fal's API has
 * only three states and the unchanged client polls until it sees `COMPLETED`; a `CANCELLED`
 * status would leave `subscribe` polling forever. The result answers 400, and the control
 * endpoint `/__emulator/requests/<id>` reports the internal phase `CANCELLED`.
 */
import { randomUUID } from "node:crypto";
import { queueUrls } from "./fal-paths";
import { isVideoRun, type RunInput } from "./model-output";
import {
  type LogEntry,
  logsAt,
  type Phase,
  phaseAt,
  queuePositionAt,
  type Schedule,
} from "./request-lifecycle";

export type QueueRecord = Schedule & {
  requestId: string;
  endpointId: string;
  appPath: string;
  input: RunInput;
  /** The body exactly as it arrived, so tests can see what the proxy sent on. */
  received: unknown;
};

export type StatusBody = {
  status: "IN_QUEUE" | "IN_PROGRESS" | "COMPLETED";
  request_id: string;
  response_url: string;
  status_url: string;
  cancel_url: string;
  queue_position?: number;
  logs?: LogEntry[];
  metrics?: { inference_time: number };
  error?: string;
  error_type?: string;
};

export type CancelOutcome = "cancelled" | "already_completed" | "unknown";

export const cancelledMessage = "Request was cancelled";

export type SubmitArgs = {
  endpointId: string;
  appPath: string;
  input: RunInput;
  received: unknown;
  queueMs: number;
  runMs: number;
};

export type QueueStore = {
  /** The store's clock, which the status stream aims its timers with. */
  now: () => number;
  submit(args: SubmitArgs): QueueRecord;
  get(requestId: string): QueueRecord | undefined;
  /** Looks a request up the way fal does: the id must belong to the addressed app. */
  find(appPath: string, requestId: string): QueueRecord | undefined;
  phase(record: QueueRecord): Phase;
  cancel(record: QueueRecord | undefined): CancelOutcome;
  /** Subscribes to unscheduled changes (cancels); returns the unsubscribe function. */
  onChange(listener: (requestId: string) => void): () => void;
  status(record: QueueRecord, withLogs: boolean): StatusBody;
};

/** At most `capacity` requests, the oldest forgotten first; `now` is injected for tests. */
export function createQueueStore(now: () => number = Date.now, capacity = 1000): QueueStore {
  const records = new Map<string, QueueRecord>();
  // Clock-driven changes are predictable; a cancel is not, so open streams are told.
  const listeners = new Set<(requestId: string) => void>();

  return {
    now,
    submit(args) {
      const record: QueueRecord = {
        ...args,
        requestId: randomUUID(),
        submittedAt: now(),
        ...(isVideoRun(args.input)
          ? { numImages: 1, videoSeconds: args.input.seconds }
          : { numImages: args.input.numImages }),
      };
      records.set(record.requestId, record);
      // Oldest first: Map iteration follows insertion order.
      for (const id of records.keys()) {
        if (records.size <= capacity) break;
        records.delete(id);
      }
      return record;
    },
    get: (requestId) => records.get(requestId),
    find(appPath, requestId) {
      const record = records.get(requestId);
      return record?.appPath === appPath ? record : undefined;
    },
    phase: (record) => phaseAt(record, now()),
    cancel(record) {
      if (!record) return "unknown";
      const at = now();
      const phase = phaseAt(record, at);
      if (phase === "COMPLETED" || phase === "CANCELLED") return "already_completed";
      record.cancelledAt = at;
      for (const listener of listeners) listener(record.requestId);
      return "cancelled";
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    status: (record, withLogs) => statusAt(record, withLogs, now()),
  };
}

function statusAt(record: QueueRecord, withLogs: boolean, now: number): StatusBody {
  const phase = phaseAt(record, now);
  const base = { request_id: record.requestId, ...queueUrls(record.appPath, record.requestId) };
  const logs = withLogs ? logsAt(record, now) : [];
  switch (phase) {
    case "IN_QUEUE":
      return { status: "IN_QUEUE", ...base, queue_position: queuePositionAt(record, now) };
    case "IN_PROGRESS":
      return { status: "IN_PROGRESS", ...base, logs };
    case "COMPLETED":
      return {
        status: "COMPLETED",
        ...base,
        logs,
        metrics: { inference_time: record.runMs / 1000 },
      };
    case "CANCELLED":
      return {
        status: "COMPLETED",
        ...base,
        logs,
        error: cancelledMessage,
        error_type: "request_cancelled",
      };
  }
}

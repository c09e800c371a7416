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
import type { SeededRequest } from "./model-output";
import {
  type LogEntry,
  logsAt,
  type Phase,
  phaseAt,
  queuePositionAt,
  type Schedule,
} from "./request-lifecycle";

export interface QueueRecord extends Schedule {
  requestId: string;
  endpointId: string;
  appPath: string;
  input: SeededRequest;
  /** The body exactly as it arrived, so tests can see what the proxy sent on. */
  received: unknown;
}

export interface StatusBody {
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
}

export type CancelOutcome = "cancelled" | "already_completed" | "unknown";

export const CANCELLED_MESSAGE = "Request was cancelled";

export interface SubmitArgs {
  endpointId: string;
  appPath: string;
  input: SeededRequest;
  received: unknown;
  queueMs: number;
  runMs: number;
}

export class QueueStore {
  private readonly records = new Map<string, QueueRecord>();
  // Clock-driven changes are predictable; a cancel is not, so open streams are told.
  private readonly listeners = new Set<(requestId: string) => void>();

  constructor(
    readonly now: () => number = Date.now,
    private readonly capacity = 1000,
  ) {}

  submit(args: SubmitArgs): QueueRecord {
    const record: QueueRecord = {
      ...args,
      requestId: randomUUID(),
      submittedAt: this.now(),
      numImages: args.input.numImages,
    };
    this.records.set(record.requestId, record);
    // Oldest first: Map iteration follows insertion order.
    for (const id of this.records.keys()) {
      if (this.records.size <= this.capacity) break;
      this.records.delete(id);
    }
    return record;
  }

  get(requestId: string): QueueRecord | undefined {
    return this.records.get(requestId);
  }

  /** Looks a request up the way fal does: the id must belong to the addressed app. */
  find(appPath: string, requestId: string): QueueRecord | undefined {
    const record = this.records.get(requestId);
    return record?.appPath === appPath ? record : undefined;
  }

  phase(record: QueueRecord): Phase {
    return phaseAt(record, this.now());
  }

  cancel(record: QueueRecord | undefined): CancelOutcome {
    if (!record) return "unknown";
    const now = this.now();
    const phase = phaseAt(record, now);
    if (phase === "COMPLETED" || phase === "CANCELLED") return "already_completed";
    record.cancelledAt = now;
    for (const listener of this.listeners) listener(record.requestId);
    return "cancelled";
  }

  /** Subscribes to unscheduled changes (cancels); returns the unsubscribe function. */
  onChange(listener: (requestId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(record: QueueRecord, withLogs: boolean): StatusBody {
    const now = this.now();
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
          error: CANCELLED_MESSAGE,
          error_type: "request_cancelled",
        };
    }
  }
}

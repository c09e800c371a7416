import "server-only";
import type { ErrorCode } from "@/lib/errors/error-codes";
import type { ProxyOperation } from "./target";

/**
 * One line per call that reaches for fal (the proxy's, and the upload route's). Identifiers and outcomes only: never the key, a cookie, the
 * target's query or the prompt.
 */
export type AuditEntry = {
  user: string | null;
  method: string;
  /** A proxied call's operation, or `upload`: an image the app's upload route stored at fal. */
  operation: ProxyOperation | "upload" | null;
  endpoint: string | null;
  status: number;
  /** Until the response headers (a status stream stays open longer). */
  durationMs: number;
  /**
   * Of `durationMs`, the wait for fal's response headers (through `@fal-ai/server-proxy`);
   * the rest is the guard's own work. Null when nothing was sent.
   */
  upstreamMs: number | null;
  falRequestId: string | null;
  /** A model run's estimated cost, charged to the budgets (US dollars). */
  costUsd: number | null;
  error: ErrorCode | null;
};

export type AuditSink = (entry: AuditEntry) => void;

/** What a call's line says before anything is known of it but its method. */
export type PendingAudit = Omit<AuditEntry, "status" | "durationMs">;

export function pendingAudit(method: string, fields: Partial<PendingAudit> = {}): PendingAudit {
  return {
    user: null,
    method,
    operation: null,
    endpoint: null,
    falRequestId: null,
    error: null,
    upstreamMs: null,
    costUsd: null,
    ...fields,
  };
}

/** Milliseconds since `started` (a `performance.now()`), to two decimals. */
export function elapsedSince(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

/** This turn's lines, each as it was when the call ended, written together at its end. */
let queued: object[] = [];

function writeQueuedLines(): void {
  if (queued.length === 0) return;
  const lines = queued.map((line) => `${JSON.stringify(line)}\n`).join("");
  queued = [];
  process.stdout.write(lines);
}

// A process that exits (a signal, `process.exit`, an uncaught error) writes what is queued.
process.once("exit", writeQueuedLines);

/**
 * JSON lines on stdout: what Vercel, Docker and most log shippers collect as they are. Each
 * call's line is queued and this turn of the event loop's lines go out in one write at its
 * end (`setImmediate`), after the responses are handed to Next.js: a write to stdout is a
 * system call (synchronous on Linux for files and pipes), so it stays off each call's
 * latency, and under load one carries many lines. Not `console.log`: Next.js wraps `console`
 * in the server, and that wrapper cost more than the line (docs/performance.md, "Where the
 * time goes").
 */
export const writeAuditLine: AuditSink = (entry) => {
  if (queued.length === 0) setImmediate(writeQueuedLines);
  queued.push({ event: "fal_proxy", at: new Date().toISOString(), ...entry });
};

/**
 * A queued request's progress as a pure function of the clock: a queue phase, then a run
 * phase, then done. Nothing here keeps timers, so state survives any polling pattern and
 * tests can drive it with a fake clock.
 */

export type Phase = "IN_QUEUE" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED";

export interface Schedule {
  submittedAt: number;
  queueMs: number;
  runMs: number;
  numImages: number;
  /** Set when a cancel arrived before completion; the request is terminal from then on. */
  cancelledAt?: number;
}

export interface LogEntry {
  message: string;
  level: "INFO";
  source: "USER";
  timestamp: string;
}

/** How many positions the queue phase counts down through (2, 1, 0). */
export const QUEUE_SLOTS = 3;
export const LOG_EVERY_MS = 300;
const DENOISE_STEPS = 28;

export function queueEnd(s: Schedule): number {
  return s.submittedAt + s.queueMs;
}

export function runEnd(s: Schedule): number {
  return queueEnd(s) + s.runMs;
}

/** A request's moments by its schedule, epoch ms (later ones may lie in the future). */
export interface ScheduleTimes {
  submittedAt: number;
  /** When it turns IN_PROGRESS; null when a cancel came first. */
  startedAt: number | null;
  /** When it turns COMPLETED; null when a cancel came first. */
  completedAt: number | null;
  cancelledAt: number | null;
}

export function scheduleTimes(s: Schedule): ScheduleTimes {
  const cancelledAt = s.cancelledAt ?? null;
  const before = (at: number) => (cancelledAt === null || cancelledAt > at ? at : null);
  return {
    submittedAt: s.submittedAt,
    startedAt: before(queueEnd(s)),
    completedAt: before(runEnd(s)),
    cancelledAt,
  };
}

export function phaseAt(s: Schedule, now: number): Phase {
  if (s.cancelledAt !== undefined && now >= s.cancelledAt) return "CANCELLED";
  if (now < queueEnd(s)) return "IN_QUEUE";
  if (now < runEnd(s)) return "IN_PROGRESS";
  return "COMPLETED";
}

export function queuePositionAt(s: Schedule, now: number): number {
  if (s.queueMs <= 0) return 0;
  const remaining = queueEnd(s) - now;
  const position = Math.ceil((remaining * QUEUE_SLOTS) / s.queueMs) - 1;
  return Math.min(QUEUE_SLOTS - 1, Math.max(0, position));
}

/** Short runs (tests) still get several log lines, so "logs grow" stays observable. */
function logInterval(s: Schedule): number {
  return Math.max(1, Math.min(LOG_EVERY_MS, s.runMs / 4));
}

interface TimedLog {
  at: number;
  message: string;
}

function scheduledLogs(s: Schedule): TimedLog[] {
  const start = queueEnd(s);
  const every = logInterval(s);
  const logs: TimedLog[] = [];
  for (let i = 0; i * every < s.runMs; i++) {
    const step = Math.max(
      1,
      Math.min(DENOISE_STEPS, Math.round(((i * every) / s.runMs) * DENOISE_STEPS)),
    );
    const message = i === 0 ? "Loading model" : `Denoising step ${step}/${DENOISE_STEPS}`;
    logs.push({ at: start + i * every, message });
  }
  const plural = s.numImages === 1 ? "" : "s";
  logs.push({ at: runEnd(s), message: `Generated ${s.numImages} image${plural}` });
  return logs;
}

/** Log lines emitted up to `now` (or up to the cancel, whichever came first). */
export function logsAt(s: Schedule, now: number): LogEntry[] {
  const until = s.cancelledAt === undefined ? now : Math.min(now, s.cancelledAt);
  return scheduledLogs(s)
    .filter((log) => log.at <= until)
    .map((log) => ({
      message: log.message,
      level: "INFO",
      source: "USER",
      timestamp: new Date(log.at).toISOString(),
    }));
}

/**
 * The next instant after `now` at which the visible status changes (queue position, a new
 * log line, completion), or null once the request is terminal. Drives the SSE stream.
 */
export function nextChangeAt(s: Schedule, now: number): number | null {
  const phase = phaseAt(s, now);
  if (phase === "COMPLETED" || phase === "CANCELLED") return null;
  const events: number[] = [];
  for (let k = 1; k < QUEUE_SLOTS; k++) events.push(queueEnd(s) - (k * s.queueMs) / QUEUE_SLOTS);
  events.push(queueEnd(s));
  for (const log of scheduledLogs(s)) events.push(log.at);
  const upcoming = events.filter((at) => at > now);
  return upcoming.length > 0 ? Math.min(...upcoming) : null;
}

/**
 * A queued request's progress as a pure function of the clock: a queue phase, then a run
 * phase, then done. Nothing here keeps timers, so state survives any polling pattern and
 * tests can drive it with a fake clock.
 */

export type Phase = "IN_QUEUE" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED";

export type Schedule = {
  submittedAt: number;
  queueMs: number;
  runMs: number;
  numImages: number;
  /** Set for a video run: its clip's length, which the last log line reports. */
  videoSeconds?: number;
  /** Set when a cancel arrived before completion; the request is terminal from then on. */
  cancelledAt?: number;
};

export type LogEntry = {
  message: string;
  level: "INFO";
  source: "USER";
  timestamp: string;
};

/** How many positions the queue phase counts down through (2, 1, 0). */
export const queueSlots = 3;
export const logEveryMs = 300;
const denoiseSteps = 28;

export function queueEnd(schedule: Schedule): number {
  return schedule.submittedAt + schedule.queueMs;
}

export function runEnd(schedule: Schedule): number {
  return queueEnd(schedule) + schedule.runMs;
}

/** A request's moments by its schedule, epoch ms (later ones may lie in the future). */
export type ScheduleTimes = {
  submittedAt: number;
  /** When it turns IN_PROGRESS; null when a cancel came first. */
  startedAt: number | null;
  /** When it turns COMPLETED; null when a cancel came first. */
  completedAt: number | null;
  cancelledAt: number | null;
};

export function scheduleTimes(schedule: Schedule): ScheduleTimes {
  const cancelledAt = schedule.cancelledAt ?? null;
  const before = (at: number) => (cancelledAt === null || cancelledAt > at ? at : null);
  return {
    submittedAt: schedule.submittedAt,
    startedAt: before(queueEnd(schedule)),
    completedAt: before(runEnd(schedule)),
    cancelledAt,
  };
}

export function phaseAt(schedule: Schedule, now: number): Phase {
  if (schedule.cancelledAt !== undefined && now >= schedule.cancelledAt) return "CANCELLED";
  if (now < queueEnd(schedule)) return "IN_QUEUE";
  if (now < runEnd(schedule)) return "IN_PROGRESS";
  return "COMPLETED";
}

export function queuePositionAt(schedule: Schedule, now: number): number {
  if (schedule.queueMs <= 0) return 0;
  const remaining = queueEnd(schedule) - now;
  const position = Math.ceil((remaining * queueSlots) / schedule.queueMs) - 1;
  return Math.min(queueSlots - 1, Math.max(0, position));
}

/** Short runs (tests) still get several log lines, so "logs grow" stays observable. */
function logInterval(schedule: Schedule): number {
  return Math.max(1, Math.min(logEveryMs, schedule.runMs / 4));
}

type TimedLog = {
  at: number;
  message: string;
};

function scheduledLogs(schedule: Schedule): TimedLog[] {
  const start = queueEnd(schedule);
  const every = logInterval(schedule);
  const logs: TimedLog[] = [];
  for (let i = 0; i * every < schedule.runMs; i++) {
    const step = Math.max(
      1,
      Math.min(denoiseSteps, Math.round(((i * every) / schedule.runMs) * denoiseSteps)),
    );
    const message = i === 0 ? "Loading model" : `Denoising step ${step}/${denoiseSteps}`;
    logs.push({ at: start + i * every, message });
  }
  const plural = schedule.numImages === 1 ? "" : "s";
  const made =
    schedule.videoSeconds === undefined
      ? `${schedule.numImages} image${plural}`
      : `a ${schedule.videoSeconds} s video`;
  logs.push({ at: runEnd(schedule), message: `Generated ${made}` });
  return logs;
}

/** Log lines emitted up to `now` (or up to the cancel, whichever came first). */
export function logsAt(schedule: Schedule, now: number): LogEntry[] {
  const until = schedule.cancelledAt === undefined ? now : Math.min(now, schedule.cancelledAt);
  return scheduledLogs(schedule)
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
export function nextChangeAt(schedule: Schedule, now: number): number | null {
  const phase = phaseAt(schedule, now);
  if (phase === "COMPLETED" || phase === "CANCELLED") return null;
  const events: number[] = [];
  for (let k = 1; k < queueSlots; k++)
    events.push(queueEnd(schedule) - (k * schedule.queueMs) / queueSlots);
  events.push(queueEnd(schedule));
  for (const log of scheduledLogs(schedule)) events.push(log.at);
  const upcoming = events.filter((at) => at > now);
  return upcoming.length > 0 ? Math.min(...upcoming) : null;
}

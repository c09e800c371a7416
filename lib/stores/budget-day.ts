/** Budgets run per UTC day: the same day, and the same reset, for every user and instance. */
import "server-only";

const dayMs = 86_400_000;

/** "2026-11-24": the UTC day `atMs` falls in, as budget keys carry it. */
export function utcDay(atMs: number): string {
  return new Date(atMs).toISOString().slice(0, 10);
}

/** When the budgets of the day `atMs` falls in reset. */
export function nextUtcMidnight(atMs: number): Date {
  return new Date((Math.floor(atMs / dayMs) + 1) * dayMs);
}

/** Whole seconds from `atMs` until the next reset, at least 1 (as `Retry-After` wants). */
export function secondsUntilReset(atMs: number): number {
  return Math.max(1, Math.ceil((nextUtcMidnight(atMs).getTime() - atMs) / 1000));
}

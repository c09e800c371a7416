/** Shared by the spend budget tests: a settable clock, a real Redis, and refusals as sent. */
import type { Redis } from "ioredis";
import { AppError } from "@/lib/errors/app-error";
import { createSpendBudget, type DailyBudgets, type SpendBudget } from "@/lib/stores/spend-budget";

export type TestClock = { now: () => number; set(iso: string): void };

export function testClock(iso: string): TestClock {
  let at = Date.parse(iso);
  return {
    now: () => at,
    set(next) {
      at = Date.parse(next);
    },
  };
}

export { redisForTests } from "./redis-server";

/** Opens instances of one budget: in memory they are one; in Redis, one connection each. */
export type OpenBudget = (budgets: DailyBudgets, clock: TestClock) => () => SpendBudget;

export function storeVariants(redis: { connect(): Redis }): {
  memory: OpenBudget;
  redis: OpenBudget;
} {
  return {
    memory: (budgets, clock) => {
      const budget = createSpendBudget(budgets, undefined, clock.now);
      return () => budget;
    },
    redis: (budgets, clock) => () => createSpendBudget(budgets, redis.connect(), clock.now),
  };
}

/** A refusal as the caller receives it: status, `Retry-After` and the JSON body. */
export async function refusalOf(attempt: Promise<unknown>) {
  const error = await attempt.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  const response = error.toResponse();
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    error: ((await response.json()) as { error: Record<string, string> }).error,
  };
}

/** How many attempts went through, and how many were refused with each code. */
export async function tally(attempts: Promise<unknown>[]) {
  const counts: Record<string, number> = {};
  for (const outcome of await Promise.allSettled(attempts)) {
    const key = outcome.status === "fulfilled" ? "charged" : String(outcome.reason.code);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** `count` instances of a budget; `on(i)` is the one the i-th request lands on. */
export function instancesOf(instance: () => SpendBudget, count: number) {
  const all = Array.from({ length: count }, instance);
  return (i: number): SpendBudget => {
    const chosen = all[i % count];
    if (!chosen) throw new Error("no instances");
    return chosen;
  };
}

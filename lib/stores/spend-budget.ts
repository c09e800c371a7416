import "server-only";
import type { Redis } from "ioredis";
import { nextUtcMidnight, secondsUntilReset, utcDay } from "./budget-day";
import type { BudgetLedger, DaySpend } from "./budget-ledger";
import { budgetExhausted } from "./budget-refusal";
import { memoryBudgetLedger } from "./memory-budget-ledger";
import { redisBudgetLedger } from "./redis-budget-ledger";
import { storeUnavailable } from "./store-errors";

/** Amounts are whole micro-dollars (millionths of a US dollar), so they add up exactly. */
export type DailyBudgets = { perUserMicroUsd: number; appMicroUsd: number };

/** A charge that can be given back when fal did not run the request (it answered 5xx). */
export type SpendCharge = { refund(): Promise<void> };

export type BudgetUsage = {
  limitMicroUsd: number;
  spentMicroUsd: number;
  remainingMicroUsd: number;
};

export type BudgetStatus = { user: BudgetUsage; app: BudgetUsage; resetsAt: Date };

export type SpendBudget = {
  /** Charges both the user's and the app's budget for today, atomically, or throws an AppError. */
  charge(userId: string, costMicroUsd: number): Promise<SpendCharge>;
  /** What `userId` and the app have spent today and have left. */
  status(userId: string): Promise<BudgetStatus>;
  /**
   * Gives back a charge made earlier, at `chargedAt` (epoch ms), to the day it was made: a run
   * cancelled while it still waited in fal's queue, or one that failed at fal; fal bills neither.
   */
  refund(userId: string, costMicroUsd: number, chargedAt: number): Promise<void>;
};

/**
 * A day's spend stays in Redis for a day after the day ends: long enough for any late refund
 * (a request's life is bounded by the upstream timeout), and for an operator to look back.
 */
const keepAfterDaySeconds = 86_400;

const nothingCharged: SpendCharge = { refund: async () => {} };

/**
 * Daily spending caps, per user and for the whole app, charged before fal is called. In
 * memory for one instance; in Redis, shared by every instance, when a client is given. While
 * the store is unreachable both methods fail closed (500 `store_unavailable`): money is not
 * spent unmetered. When both budgets are exhausted, the user's is the one named: it is the
 * refusal that would stand even if the owner raised the app's budget.
 */
export function createSpendBudget(
  budgets: DailyBudgets,
  redis?: Redis,
  now: () => number = Date.now,
): SpendBudget {
  assertAmount("perUserMicroUsd", budgets.perUserMicroUsd);
  assertAmount("appMicroUsd", budgets.appMicroUsd);
  const limits = { userMicroUsd: budgets.perUserMicroUsd, appMicroUsd: budgets.appMicroUsd };
  const ledger: BudgetLedger = redis
    ? redisBudgetLedger(limits, redis)
    : memoryBudgetLedger(limits);

  return {
    async charge(userId, costMicroUsd) {
      assertAmount("costMicroUsd", costMicroUsd);
      // Nothing to meter, so nothing to refuse, even with the store down.
      if (costMicroUsd === 0) return nothingCharged;
      const at = now();
      const day = { day: utcDay(at), keepSeconds: secondsUntilReset(at) + keepAfterDaySeconds };
      const outcome = await ledger.charge(day, userId, costMicroUsd).catch((error: unknown) => {
        throw storeUnavailable(error);
      });
      if (outcome.charged) return once(outcome.refund);
      const { refusedBy, spent } = outcome;
      const limitMicroUsd = refusedBy === "user" ? limits.userMicroUsd : limits.appMicroUsd;
      throw budgetExhausted(
        { refusedBy, costMicroUsd, limitMicroUsd, spentMicroUsd: spent[refusedBy] },
        at,
      );
    },

    async refund(userId, costMicroUsd, chargedAt) {
      assertAmount("costMicroUsd", costMicroUsd);
      if (costMicroUsd === 0) return;
      await ledger.refund(utcDay(chargedAt), userId, costMicroUsd).catch((error: unknown) => {
        throw storeUnavailable(error);
      });
    },

    async status(userId) {
      const at = now();
      const spent: DaySpend = await ledger.spent(utcDay(at), userId).catch((error: unknown) => {
        throw storeUnavailable(error);
      });
      return {
        user: usage(limits.userMicroUsd, spent.user),
        app: usage(limits.appMicroUsd, spent.app),
        resetsAt: nextUtcMidnight(at),
      };
    },
  };
}

function usage(limitMicroUsd: number, spentMicroUsd: number): BudgetUsage {
  // Spend can pass a limit the owner has since lowered; what is left is never below zero.
  return {
    limitMicroUsd,
    spentMicroUsd,
    remainingMicroUsd: Math.max(0, limitMicroUsd - spentMicroUsd),
  };
}

/**
 * A refund runs at most once, however often it is called. If the store fails, it is logged
 * and not retried: the request is over either way, and a lost refund only over-charges,
 * which errs on the side of the owner's credit.
 */
function once(refund: () => Promise<void>): SpendCharge {
  let refunded: Promise<void> | undefined;
  return {
    refund() {
      refunded ??= refund().catch((error: unknown) => {
        console.error(
          "fal proxy: spend not refunded:",
          error instanceof Error ? error.message : error,
        );
      });
      return refunded;
    },
  };
}

/** Amounts are whole micro-dollars; anything else is a bug in the caller, not a refusal. */
function assertAmount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number of micro-dollars, at least 0 (got ${value})`);
  }
}

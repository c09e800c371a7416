/** What the user and the whole app have spent on one UTC day, in micro-dollars. */
import "server-only";
export type DaySpend = { user: number; app: number };

/** The UTC day a charge falls in, and how long a shared store keeps that day's spend. */
export type LedgerDay = { day: string; keepSeconds: number };

export type LedgerCharge =
  | { charged: true; refund(): Promise<void> }
  | { charged: false; refusedBy: "user" | "app"; spent: DaySpend };

/**
 * Where the spend is kept (memory or Redis). `charge` adds the cost to both the user's and
 * the app's spend of the day in one step, or to neither when either limit would be passed
 * (the user's is checked first); its refund takes the cost back from that same day.
 */
export type BudgetLedger = {
  charge(day: LedgerDay, userId: string, costMicroUsd: number): Promise<LedgerCharge>;
  spent(day: string, userId: string): Promise<DaySpend>;
  /** Takes `costMicroUsd` back from `day`'s spend, user's and app's, never below zero. */
  refund(day: string, userId: string, costMicroUsd: number): Promise<void>;
};

export type LedgerLimits = { userMicroUsd: number; appMicroUsd: number };

import "server-only";
import { formatUsd } from "@/lib/catalog/money";
import { AppError } from "@/lib/errors/app-error";
import { nextUtcMidnight, secondsUntilReset } from "./budget-day";

export type BudgetShortfall = {
  refusedBy: "user" | "app";
  costMicroUsd: number;
  limitMicroUsd: number;
  spentMicroUsd: number;
};

/**
 * 429 until the next midnight UTC. The message gives the amounts, so the user can pick a
 * cheaper generation when one still fits; the UI appends when the budgets reset.
 */
export function budgetExhausted(shortfall: BudgetShortfall, nowMs: number): AppError {
  const byUser = shortfall.refusedBy === "user";
  return new AppError(
    byUser ? "user_budget_exhausted" : "app_budget_exhausted",
    429,
    byUser ? userMessage(shortfall) : appMessage(shortfall),
    {
      headers: { "Retry-After": String(secondsUntilReset(nowMs)) },
      retryAt: nextUtcMidnight(nowMs),
    },
  );
}

function amounts({ costMicroUsd, limitMicroUsd, spentMicroUsd }: BudgetShortfall) {
  const leftMicroUsd = Math.max(0, limitMicroUsd - spentMicroUsd);
  return {
    cost: formatUsd(costMicroUsd),
    limit: formatUsd(limitMicroUsd),
    left: formatUsd(leftMicroUsd),
    nothingLeft: leftMicroUsd === 0,
    neverFits: costMicroUsd > limitMicroUsd,
  };
}

function userMessage(shortfall: BudgetShortfall): string {
  const { cost, limit, left, nothingLeft, neverFits } = amounts(shortfall);
  if (neverFits) return `This generation would cost ${cost}, more than your ${limit} daily budget.`;
  if (nothingLeft) return `You have used your ${limit} daily budget.`;
  return `This generation would cost ${cost}, but only ${left} is left of your ${limit} daily budget.`;
}

// "This app" first: the user should see at once that it is not their own budget.
function appMessage(shortfall: BudgetShortfall): string {
  const { cost, limit, left, nothingLeft, neverFits } = amounts(shortfall);
  if (neverFits) return `This app's daily budget is ${limit}; this generation would cost ${cost}.`;
  if (nothingLeft) return `This app has used its ${limit} daily budget.`;
  return `This app has only ${left} left of its ${limit} daily budget; this generation would cost ${cost}.`;
}

import { formatMoneyLeft, formatUsd } from "@/lib/catalog/money";
import type { BudgetView } from "@/lib/stores/budget-view";

/**
 * Why a run of this cost will not start today, or undefined when both budgets cover it: the
 * proxy charges the same estimate against the same budgets and refuses it, so the form says so
 * before Generate is pressed rather than only after. What is left reads as the budget line
 * reads it (cents, rounded down); the cost is exact.
 */
/** Which of today's budgets refuses a run of this cost (the user's first, as the proxy checks). */
export function budgetThatStops(
  costMicroUsd: number,
  budget: BudgetView | undefined,
): "user" | "app" | undefined {
  if (!budget) return undefined; // unknown: the proxy decides
  if (costMicroUsd > budget.user.remainingMicroUsd) return "user";
  if (costMicroUsd > budget.app.remainingMicroUsd) return "app";
  return undefined;
}

export function overBudgetReason(
  costMicroUsd: number,
  budget: BudgetView | undefined,
): string | undefined {
  const stoppedBy = budgetThatStops(costMicroUsd, budget);
  if (!budget || !stoppedBy) return undefined;
  const cost = formatUsd(costMicroUsd);
  const { user, app } = budget;
  const reset = "budgets reset at midnight UTC.";
  if (stoppedBy === "user") {
    return `This run costs ${cost}, more than the ${formatMoneyLeft(user.remainingMicroUsd)} left of your ${formatUsd(user.limitMicroUsd)} daily budget. Choose a cheaper run, or wait: ${reset}`;
  }
  return `This run costs ${cost}, more than the ${formatMoneyLeft(app.remainingMicroUsd)} this app has left today for everyone. Choose a cheaper run, or wait: ${reset}`;
}

import { formatMoneyLeft, formatUsd } from "@/lib/catalog/money";
import type { BudgetView } from "@/lib/stores/budget-view";

/**
 * Why a run of this cost will not start today, or undefined when both budgets cover it: the
 * proxy charges the same estimate against the same budgets and refuses it, so the form says so
 * before Generate is pressed rather than only after. What is left reads as the budget line
 * reads it (cents, rounded down); the cost is exact.
 */
export function overBudgetReason(
  costMicroUsd: number,
  budget: BudgetView | undefined,
): string | undefined {
  if (!budget) return undefined; // unknown: the proxy decides
  const cost = formatUsd(costMicroUsd);
  const { user, app } = budget;
  const reset = "budgets reset at midnight UTC.";
  if (costMicroUsd > user.remainingMicroUsd) {
    return `This run costs ${cost}, more than the ${formatMoneyLeft(user.remainingMicroUsd)} left of your ${formatUsd(user.limitMicroUsd)} daily budget. Choose a cheaper run, or wait: ${reset}`;
  }
  if (costMicroUsd > app.remainingMicroUsd) {
    return `This run costs ${cost}, more than the ${formatMoneyLeft(app.remainingMicroUsd)} this app has left today for everyone. Choose a cheaper run, or wait: ${reset}`;
  }
  return undefined;
}

import type { BudgetStatus } from "@/lib/stores/spend-budget";

/**
 * Today's budgets as the page shows them (amounts in micro-dollars), sent by the server in
 * the page and by `GET /api/budget` after each generation.
 */
export type BudgetUsageView = {
  limitMicroUsd: number;
  spentMicroUsd: number;
  remainingMicroUsd: number;
};

export type BudgetView = { user: BudgetUsageView; app: BudgetUsageView; resetsAt: string };

export const budgetPath = "/api/budget";

export function budgetViewOf(status: BudgetStatus): BudgetView {
  return { user: status.user, app: status.app, resetsAt: status.resetsAt.toISOString() };
}

"use client";

import { formatUsd } from "@/lib/catalog/money";
import type { BudgetView } from "@/lib/stores/budget-view";

/** What is left of today's budgets, as the server counts them. */
export function BudgetMeter({ budget }: { budget: BudgetView }) {
  const { user, app } = budget;
  const resetsAt = new Date(budget.resetsAt).toLocaleTimeString([], { timeStyle: "short" });
  return (
    <section aria-label="Today's budget" className="text-muted text-sm">
      <p>
        Today you have <strong>{formatUsd(user.remainingMicroUsd)}</strong> left of{" "}
        {formatUsd(user.limitMicroUsd)}; the app has {formatUsd(app.remainingMicroUsd)} left of{" "}
        {formatUsd(app.limitMicroUsd)}. Budgets reset at midnight UTC ({resetsAt} your time).
      </p>
    </section>
  );
}

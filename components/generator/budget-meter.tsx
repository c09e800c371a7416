"use client";

import { formatMoneyLeft, formatUsd } from "@/lib/catalog/money";
import type { BudgetView } from "@/lib/stores/budget-view";
import { budgetThatStops } from "./budget-check";

type Props = {
  budget: BudgetView;
  /** What the run the form is set to would cost: the app's budget is named when it stops it. */
  nextRunMicroUsd: number | undefined;
};

/**
 * What this user has left today, as the server counts it. The app-wide budget is the
 * operator's business (what others spent): it is mentioned only when it is what stops the run.
 */
export function BudgetMeter({ budget, nextRunMicroUsd }: Props) {
  const { user } = budget;
  const resetsAt = new Date(budget.resetsAt).toLocaleTimeString([], { timeStyle: "short" });
  const appStops =
    nextRunMicroUsd !== undefined && budgetThatStops(nextRunMicroUsd, budget) === "app";
  return (
    <section aria-label="Today's budget" className="text-muted text-xs sm:text-sm">
      <p>
        Today you have <strong>{formatMoneyLeft(user.remainingMicroUsd)}</strong> left of{" "}
        {formatUsd(user.limitMicroUsd)}
        <span className="whitespace-nowrap"> · resets at {resetsAt}</span>
      </p>
      {appStops && (
        <p className="text-amber-800 dark:text-amber-300">
          The app's daily limit is reached; it resets at {resetsAt}.
        </p>
      )}
    </section>
  );
}

"use client";

import { useCallback, useState } from "react";
import { type BudgetView, budgetPath } from "@/lib/stores/budget-view";

/** Today's budgets as the server counts them: the page's view, asked again when it may be stale. */
export function useBudget(initial: BudgetView | undefined) {
  const [budget, setBudget] = useState(initial);
  const refresh = useCallback(async (): Promise<BudgetView | undefined> => {
    const response = await fetch(budgetPath, { cache: "no-store" }).catch(() => undefined);
    if (!response?.ok) return undefined;
    const view = (await response.json()) as BudgetView;
    setBudget(view);
    return view;
  }, []);
  return { budget, refresh };
}

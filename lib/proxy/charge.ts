import "server-only";
import { estimateCostMicroUsd, type ImageDimensions } from "@/lib/catalog/cost";
import type { SpendCharge } from "@/lib/stores/spend-budget";
import type { ModelRun } from "./input";
import type { ProxyStores } from "./policy";

export type RunCharge = SpendCharge & { costMicroUsd: number };

/**
 * Stage "charge": what fal may bill for the run (its checked input and, for an image model,
 * the input image's recorded size) is charged to the user's and the app's budgets for today,
 * atomically, before fal is called (429 `user_budget_exhausted`, `app_budget_exhausted`).
 */
export async function chargeRun(
  stores: Pick<ProxyStores, "budget">,
  userId: string,
  run: ModelRun,
  inputImage: ImageDimensions | undefined,
): Promise<RunCharge> {
  const costMicroUsd = estimateCostMicroUsd(run.model, run.input, inputImage);
  const spend = await stores.budget.charge(userId, costMicroUsd);
  return { costMicroUsd, refund: spend.refund };
}

import "server-only";
import { checkModelInput } from "@/lib/catalog/check-model-input";
import { estimateCostMicroUsd } from "@/lib/catalog/cost";
import type { ModelInput } from "@/lib/catalog/model-input";
import type { ModelDefinition } from "@/lib/catalog/models";
import { AppError } from "@/lib/errors/app-error";

/** A model run the proxy may forward: the checked input, and what fal may bill for it. */
export type PricedModelRequest = { input: ModelInput; costMicroUsd: number };

/**
 * The input policy of the catalog, as the proxy applies it: the body of a submit or run is
 * checked against the target model's entry, and only the checked input is sent on.
 */
export function modelRequestPolicy(catalog: readonly ModelDefinition[]) {
  const byId = new Map(catalog.map((model) => [model.id, model]));
  return (endpoint: string, body: unknown): PricedModelRequest => {
    const model = byId.get(endpoint);
    // The target rules admit catalog endpoints only; this guards a catalog wired twice.
    if (!model) throw new AppError("model_not_allowed", 403, `${endpoint} is not in the catalog.`);
    const checked = checkModelInput(model, body);
    if (!checked.ok) {
      const { field, message } = checked.refusal;
      throw new AppError("invalid_input", 400, message, { field });
    }
    return { input: checked.input, costMicroUsd: estimateCostMicroUsd(model, checked.input) };
  };
}

import "server-only";
import { checkModelInput } from "@/lib/catalog/check-model-input";
import { estimateCostMicroUsd, type ImageDimensions } from "@/lib/catalog/cost";
import type { ExtraMediaOrigins } from "@/lib/catalog/media-url";
import type { ModelInput } from "@/lib/catalog/model-input";
import type { ModelDefinition } from "@/lib/catalog/models";
import { AppError } from "@/lib/errors/app-error";
import { extraMediaOrigins } from "@/lib/fal/server/emulator-media";

/**
 * A model run the proxy may forward: the checked input, and what fal may bill for it given
 * the input image's size (recorded when the image was uploaded or made; without one, the
 * estimate is for the largest image accepted).
 */
export type CheckedModelRequest = {
  input: ModelInput;
  estimateCost: (inputImage?: ImageDimensions) => number;
};

/**
 * The input policy of the catalog, as the proxy applies it: the body of a submit or run is
 * checked against the target model's entry, and only the checked input is sent on.
 * `mediaOrigins`: where an input image may live besides fal's media hosts (the emulator's
 * origin, or none).
 */
export function modelRequestPolicy(
  catalog: readonly ModelDefinition[],
  mediaOrigins: ExtraMediaOrigins = extraMediaOrigins(),
) {
  const byId = new Map(catalog.map((model) => [model.id, model]));
  return (endpoint: string, body: unknown): CheckedModelRequest => {
    const model = byId.get(endpoint);
    // The target rules admit catalog endpoints only; this guards a catalog wired twice.
    if (!model) throw new AppError("model_not_allowed", 403, `${endpoint} is not in the catalog.`);
    const checked = checkModelInput(model, body, mediaOrigins);
    if (!checked.ok) {
      const { field, message } = checked.refusal;
      throw new AppError("invalid_input", 400, message, { field });
    }
    const { input } = checked;
    return { input, estimateCost: (image) => estimateCostMicroUsd(model, input, image) };
  };
}

import "server-only";
import { checkModelInput } from "@/lib/catalog/check-model-input";
import { estimateCostMicroUsd, type ImageDimensions } from "@/lib/catalog/cost";
import type { ExtraMediaOrigins } from "@/lib/catalog/media-url";
import type { ModelInput } from "@/lib/catalog/model-input";
import type { ModelDefinition } from "@/lib/catalog/models";
import { AppError } from "@/lib/errors/app-error";
import { extraMediaOrigins } from "@/lib/fal/server/emulator-media";
import { createImageProbe } from "./input-image-size";

/**
 * A model run the proxy may forward: the checked input, and what fal may bill for it. The
 * estimate may read the input image (a fetch), so the guard asks for it only once the
 * per-minute limit has admitted the run.
 */
export type CheckedModelRequest = { input: ModelInput; estimateCost: () => Promise<number> };

export type ModelRequestOptions = {
  /** Where an input image may live besides fal's media hosts: the emulator's origin, or none. */
  mediaOrigins: ExtraMediaOrigins;
  /** Reads an input image's size (or refuses it with 400); lib/proxy/input-image-size.ts. */
  probeImage: (url: string) => Promise<ImageDimensions>;
};

function defaultOptions(): ModelRequestOptions {
  const mediaOrigins = extraMediaOrigins();
  return { mediaOrigins, probeImage: createImageProbe(mediaOrigins) };
}

/**
 * The input policy of the catalog, as the proxy applies it: the body of a submit or run is
 * checked against the target model's entry, and only the checked input is sent on. Its cost
 * reads an input image's size first (it sets the price of what fal draws from it), so an image
 * that cannot be read, is not PNG, JPEG or WebP, or is too large is refused before fal is called.
 */
export function modelRequestPolicy(
  catalog: readonly ModelDefinition[],
  options: ModelRequestOptions = defaultOptions(),
) {
  const byId = new Map(catalog.map((model) => [model.id, model]));
  return (endpoint: string, body: unknown): CheckedModelRequest => {
    const model = byId.get(endpoint);
    // The target rules admit catalog endpoints only; this guards a catalog wired twice.
    if (!model) throw new AppError("model_not_allowed", 403, `${endpoint} is not in the catalog.`);
    const checked = checkModelInput(model, body, options.mediaOrigins);
    if (!checked.ok) {
      const { field, message } = checked.refusal;
      throw new AppError("invalid_input", 400, message, { field });
    }
    const { input } = checked;
    const estimateCost = async () => {
      const inputImage = input.image_url ? await options.probeImage(input.image_url) : undefined;
      return estimateCostMicroUsd(model, input, inputImage);
    };
    return { input, estimateCost };
  };
}

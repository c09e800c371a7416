import type { Generation } from "@/components/generator/use-generation";
import type { ModelInput } from "@/lib/catalog/model-input";
import { type HistoryEntry, historyEntryVersion } from "@/lib/history/history-entry";

/**
 * A finished generation as history keeps it. `input` is what the form sent, when this page
 * sent it; without it (a generation this page did not start), the settings are read from the
 * result alone.
 */
export function entryFromGeneration(
  generation: Generation,
  input: ModelInput | undefined,
  finishedAt = Date.now(),
): HistoryEntry {
  const { requestId, model, prompt, images, seed, elapsedMs, inferenceSeconds } = generation;
  const imageUrl = input?.image_url;
  const strength = input?.strength;
  return {
    version: historyEntryVersion,
    id: requestId,
    finishedAt,
    prompt,
    model: { id: model.id, name: model.name },
    settings: {
      // Image models take no size: their output follows the input image.
      ...(input?.image_size ? { imageSize: input.image_size } : {}),
      numImages: input?.num_images ?? images.length,
      seed,
      ...(typeof imageUrl === "string" ? { imageUrl } : {}),
      ...(typeof strength === "number" ? { strength } : {}),
    },
    images: images.map(({ url, width, height }) => ({ url, width, height })),
    timings: {
      elapsedMs,
      ...(inferenceSeconds === undefined ? {} : { inferenceSeconds }),
    },
  };
}

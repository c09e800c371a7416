import type { Generation } from "@/components/generator/use-generation";
import { takesImage } from "@/lib/catalog/model-definition";
import { type HistoryEntry, historyEntryVersion } from "@/lib/history/history-entry";

/** A finished generation as history keeps it: what was asked, and what fal made of it. */
export function entryFromGeneration(generation: Generation): HistoryEntry {
  const { requestId, model, request, images, seed, timings, finishedAt } = generation;
  return {
    version: historyEntryVersion,
    id: requestId,
    finishedAt,
    prompt: request.prompt,
    model: { id: model.id, name: model.name },
    settings: {
      // Image models take no size: their output follows the input image.
      ...(takesImage(model) ? {} : { imageSize: request.imageSize }),
      numImages: request.numImages,
      seed,
      ...(request.imageUrl === undefined ? {} : { imageUrl: request.imageUrl }),
      ...(request.strength === undefined ? {} : { strength: request.strength }),
    },
    images: images.map(({ url, width, height }) => ({ url, width, height })),
    timings: {
      elapsedMs: timings.elapsedMs,
      ...(timings.inferenceSeconds === undefined
        ? {}
        : { inferenceSeconds: timings.inferenceSeconds }),
    },
  };
}

import type { FormValues } from "@/components/generator/form-values";
import { type ModelDefinition, strengthOf } from "@/lib/catalog/model-definition";
import type { HistoryEntry } from "@/lib/history/history-entry";
import { isKnownImageSize } from "./describe-entry";

/**
 * The form's values for "Same settings again": the entry's prompt, model, size, count,
 * strength and seed (so the same model reproduces the same image), each only where this
 * version of the catalog still offers it; anything else keeps the form's current value. The
 * input image, if any, is the generator's to restore.
 */
export function formValuesFor(
  entry: HistoryEntry,
  current: FormValues,
  models: readonly ModelDefinition[],
): FormValues {
  const model = models.find((candidate) => candidate.id === entry.model.id);
  const { imageSize, numImages, seed, strength } = entry.settings;
  const range = model && strengthOf(model);
  return {
    ...current,
    prompt: entry.prompt,
    modelId: model?.id ?? current.modelId,
    imageSize: isKnownImageSize(imageSize) ? imageSize : current.imageSize,
    numImages: Math.min(numImages, model?.maxImages ?? 1),
    seed: seed === undefined ? "" : String(seed),
    strength: range ? (strength ?? range.default) : undefined,
  };
}

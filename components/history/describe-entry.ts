import { type ImageSize, imageSizeLabel, imageSizes } from "@/lib/catalog/image-sizes";
import type { HistoryEntry } from "@/lib/history/history-entry";

const shortPromptLength = 40;

/** The start of the prompt, for button names that must say which entry they act on. */
export function shortPrompt(prompt: string): string {
  const text = prompt.trim().replace(/\s+/g, " ");
  return text.length <= shortPromptLength ? text : `${text.slice(0, shortPromptLength - 1)}…`;
}

export function isKnownImageSize(size: string | undefined): size is ImageSize {
  return size !== undefined && Object.hasOwn(imageSizes, size);
}

/** "Square (512 × 512)" for a preset this version knows, the raw name otherwise. */
export function describeImageSize(entry: HistoryEntry): string | undefined {
  const size = entry.settings.imageSize;
  return isKnownImageSize(size) ? imageSizeLabel(size) : size;
}

export function describeDuration(entry: HistoryEntry): string {
  const total = `${(entry.timings.elapsedMs / 1000).toFixed(1)} s`;
  const inference = entry.timings.inferenceSeconds;
  return inference === undefined ? total : `${total} (${inference.toFixed(2)} s at fal)`;
}

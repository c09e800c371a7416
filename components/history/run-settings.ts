import { type ImageSize, imageSizeLabel, imageSizes } from "@/lib/catalog/image-sizes";
import { type CatalogModel, makesVideo } from "@/lib/catalog/model-definition";
import type { GenerationRequest } from "@/lib/catalog/model-input";
import type { RunView } from "@/lib/stores/run-view";

const shortPromptLength = 40;

/** Following a run that has not finished after an hour is not worth its proxy calls. */
export const followMaxAgeMs = 60 * 60 * 1000;

const isWhole = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

export function isKnownImageSize(size: unknown): size is ImageSize {
  return typeof size === "string" && Object.hasOwn(imageSizes, size);
}

/** The run's prompt: the checked input always has one, but an old record may not. */
export function promptOf(run: RunView): string {
  return typeof run.input.prompt === "string" ? run.input.prompt : "";
}

/** The start of the prompt, for button names that must say which run they act on. */
export function shortPrompt(prompt: string): string {
  const text = prompt.trim().replace(/\s+/g, " ");
  return text.length <= shortPromptLength ? text : `${text.slice(0, shortPromptLength - 1)}…`;
}

/** "Square (512 × 512)" for a preset this version knows, the raw value otherwise. */
export function describeImageSize(run: RunView): string | undefined {
  const size = run.input.image_size;
  if (isKnownImageSize(size)) return imageSizeLabel(size);
  return typeof size === "string" ? size : undefined;
}

/** How long the run took, from its submit to the result reaching the proxy. */
export function describeDuration(run: RunView): string | undefined {
  if (run.finishedAt === undefined) return undefined;
  const ms = Date.parse(run.finishedAt) - Date.parse(run.submittedAt);
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Whether the page should wait on the run: the store says it is at fal, and it is recent. */
export function isFollowable(run: RunView, now: number): boolean {
  return run.status === "in-progress" && now - Date.parse(run.submittedAt) <= followMaxAgeMs;
}

/**
 * What the form would send to make this run again, from the input the proxy checked and sent:
 * the prompt, size, count, strength and input image, and the seed fal drew with, so the same
 * model makes the same images. A size this version does not offer becomes `fallbackSize`.
 */
export function requestOfRun(
  run: RunView,
  model: CatalogModel,
  fallbackSize: ImageSize,
): GenerationRequest {
  const { image_size, num_images, image_url, strength } = run.input;
  const seed = run.seed ?? run.input.seed;
  return {
    prompt: promptOf(run).slice(0, model.maxPromptLength),
    imageSize: isKnownImageSize(image_size) ? image_size : fallbackSize,
    numImages:
      !makesVideo(model) && isWhole(num_images)
        ? Math.min(Math.max(num_images, 1), model.maxImages)
        : 1,
    ...(isWhole(seed) && { seed }),
    ...(typeof image_url === "string" && model.kind !== "text-to-image" && { imageUrl: image_url }),
    ...(typeof strength === "number" && model.kind === "image-to-image" && { strength }),
    ...(makesVideo(model) && { video: videoChoiceOfRun(run) }),
  };
}

/** A video run's choices as fal received them; the form keeps only those its entry allows. */
function videoChoiceOfRun({ input }: RunView) {
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  return {
    duration: text(input.duration),
    aspectRatio: text(input.aspect_ratio),
    resolution: text(input.resolution),
    audio: input.generate_audio === true,
  };
}

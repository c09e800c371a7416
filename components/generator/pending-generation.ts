import { type ImageSize, imageSizeNames } from "@/lib/catalog/image-sizes";
import { type CatalogModel, makesVideo } from "@/lib/catalog/model-definition";
import type { GenerationRequest } from "@/lib/catalog/model-input";
import type { VideoChoice } from "@/lib/catalog/video-options";

/**
 * The generation this tab is waiting on, kept in sessionStorage so a reload can wait on it
 * again instead of losing it. Only its owner can use the id: the proxy answers 404 to anyone
 * else (request ownership), so the entry holds nothing worth stealing.
 */
export type PendingGeneration = {
  requestId: string;
  modelId: string;
  request: GenerationRequest;
  startedAt: number;
};

export type PendingRead =
  | { kind: "none" }
  /** Too old, or for a model this server no longer offers: dropped, with a word to the user. */
  | { kind: "stale" }
  | { kind: "resume"; pending: PendingGeneration; model: CatalogModel };

export const pendingKey = "fal-starter:pending-generation";
/** fal keeps queued results for a while, but an hour-old wait is not worth resuming. */
export const pendingMaxAgeMs = 60 * 60 * 1000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isWhole = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

function parseRequest(value: unknown, model: CatalogModel): GenerationRequest | undefined {
  if (!isRecord(value)) return undefined;
  const { prompt, imageSize, numImages, seed } = value;
  if (typeof prompt !== "string" || prompt.length > model.maxPromptLength) return undefined;
  if (!imageSizeNames.includes(imageSize as ImageSize)) return undefined;
  const maxImages = makesVideo(model) ? 1 : model.maxImages;
  if (!isWhole(numImages) || numImages < 1 || numImages > maxImages) return undefined;
  if (seed !== undefined && !isWhole(seed)) return undefined;
  // Shown again as the input image's preview: a web URL only, never `javascript:` or `data:`.
  const { imageUrl, strength } = value;
  if (imageUrl !== undefined && !(typeof imageUrl === "string" && /^https?:\/\//.test(imageUrl))) {
    return undefined;
  }
  if (strength !== undefined && !(typeof strength === "number" && strength >= 0 && strength <= 1)) {
    return undefined;
  }
  const video = videoChoiceOf(value.video, model);
  if (video === null) return undefined;
  return {
    prompt,
    imageSize: imageSize as ImageSize,
    ...(video && { video }),
    numImages,
    ...(isWhole(seed) && { seed }),
    ...(typeof imageUrl === "string" && { imageUrl }),
    ...(typeof strength === "number" && { strength }),
  };
}

/** A video model's stored choices, each one the entry lists; null when they are not. */
function videoChoiceOf(value: unknown, model: CatalogModel): VideoChoice | undefined | null {
  if (!makesVideo(model)) return value === undefined ? undefined : null;
  if (!isRecord(value)) return null;
  const { duration, aspectRatio, resolution, audio } = value;
  const { durations, aspectRatios, resolutions } = model.video;
  const listed = (values: readonly string[], chosen: unknown): chosen is string =>
    typeof chosen === "string" && values.includes(chosen);
  if (!listed(durations, duration) || !listed(aspectRatios, aspectRatio)) return null;
  if (!listed(resolutions, resolution) || typeof audio !== "boolean") return null;
  if (audio && !model.video.audio) return null;
  return { duration, aspectRatio, resolution, audio };
}

/** What a stored entry says, checked field by field: storage is the user's to edit. */
export function parsePending(
  raw: string | null,
  models: readonly CatalogModel[],
  now: number,
): PendingRead {
  if (raw === null) return { kind: "none" };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { kind: "none" };
  }
  if (!isRecord(value)) return { kind: "none" };
  const { requestId, modelId, startedAt } = value;
  if (typeof requestId !== "string" || !/^[\w-]{1,100}$/.test(requestId)) return { kind: "none" };
  if (typeof modelId !== "string" || !isWhole(startedAt)) return { kind: "none" };
  const model = models.find((entry) => entry.id === modelId);
  if (!model || now - startedAt > pendingMaxAgeMs || startedAt > now) return { kind: "stale" };
  const request = parseRequest(value.request, model);
  if (!request) return { kind: "none" };
  return { kind: "resume", pending: { requestId, modelId, request, startedAt }, model };
}

// sessionStorage throws where storage is off (some private modes): resuming is then lost,
// never the generation itself.
export const pendingStore = {
  read(models: readonly CatalogModel[]): PendingRead {
    try {
      return parsePending(sessionStorage.getItem(pendingKey), models, Date.now());
    } catch {
      return { kind: "none" };
    }
  },
  save(pending: PendingGeneration): void {
    try {
      sessionStorage.setItem(pendingKey, JSON.stringify(pending));
    } catch {}
  },
  clear(): void {
    try {
      sessionStorage.removeItem(pendingKey);
    } catch {}
  },
};

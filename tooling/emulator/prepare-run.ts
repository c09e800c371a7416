/**
 * A model run's input as the emulator will draw it: a video model's (prepare-video.ts), or the
 * text-to-image fields for every other endpoint, and for the image models (image-models.ts)
 * the input image, read from the emulator's own files (uploads, generated images and earlier
 * edits) and decoded up front, so an image it cannot use is a 422 at submit, as at fal.
 */
import type { EmulatorContext } from "./context";
import { decodeImage } from "./decode-image";
import { outputSize } from "./edit-render";
import { imageModels, unreadableImage, validateImageFields } from "./image-models";
import { hashPrompt } from "./images";
import { type FieldError, validateInput } from "./model-input";
import { type RunInput, withSeed } from "./model-output";
import { prepareVideo } from "./prepare-video";
import { readSource } from "./read-source";
import { videoModels } from "./video-models";

export type PreparedRun = { ok: true; value: RunInput } | { ok: false; errors: FieldError[] };

export async function prepareRun(
  context: EmulatorContext,
  endpointId: string,
  body: unknown,
): Promise<PreparedRun> {
  const video = videoModels.get(endpointId);
  if (video) return prepareVideo(context, video, body);
  const checked = validateInput(body);
  const kind = imageModels.get(endpointId);
  if (!kind) return checked.ok ? { ok: true, value: withSeed(checked.value) } : checked;
  const image = validateImageFields(kind, (body ?? {}) as Record<string, unknown>);
  if (!checked.ok || !image.ok) {
    const errors = [...(checked.ok ? [] : checked.errors), ...(image.ok ? [] : image.errors)];
    return { ok: false, errors };
  }
  const source = await readSource(context, image.value.imageUrl);
  if (typeof source === "string") return { ok: false, errors: unreadableImage(source) };
  const decoded = await decodeImage(source);
  if (typeof decoded === "string") return { ok: false, errors: unreadableImage(decoded) };
  const size = outputSize(kind, decoded.width, decoded.height);
  const seeded = withSeed({ ...checked.value, ...size });
  const editId = context.edits.add({
    kind,
    source,
    ...size,
    seed: seeded.seed,
    numImages: seeded.numImages,
    strength: image.value.strength,
    promptHash: hashPrompt(seeded.prompt),
  });
  return { ok: true, value: { ...seeded, editId } };
}

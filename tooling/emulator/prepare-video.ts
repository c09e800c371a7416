/**
 * A video model's run as the emulator will make it: the page's fields checked
 * (video-models.ts), the input image of an image-to-video model read from the emulator's own
 * files and decoded up front (a 422 at submit, as at fal), and the clip's spec kept for
 * `/files/videos/…` (video-store.ts).
 */
import { randomInt } from "node:crypto";
import type { EmulatorContext } from "./context";
import { decodeImage } from "./decode-image";
import { unreadableImage } from "./image-models";
import { hashPrompt } from "./images";
import type { FieldError } from "./model-input";
import type { VideoRun } from "./model-output";
import { readSource } from "./read-source";
import { type VideoSchema, validateVideoInput } from "./video-models";

export type PreparedVideo = { ok: true; value: VideoRun } | { ok: false; errors: FieldError[] };

/** Small, whatever the resolution asked for: a clip is made in well under a second. */
const landscape = { width: 320, height: 180 };
const portrait = { width: 180, height: 320 };

function clipSize(aspectRatio: string, source?: { width: number; height: number }) {
  if (aspectRatio === "9:16") return portrait;
  if (aspectRatio === "auto" && source && source.height > source.width) return portrait;
  return landscape;
}

export async function prepareVideo(
  context: EmulatorContext,
  schema: VideoSchema,
  body: unknown,
): Promise<PreparedVideo> {
  const checked = validateVideoInput(schema, body);
  if (!checked.ok) return checked;
  const { prompt, seconds, aspectRatio, audio, imageUrl } = checked.value;
  const seed = checked.value.seed ?? randomInt(0, 2 ** 31 - 1);
  let source: { bytes: Buffer; width: number; height: number } | undefined;
  if (imageUrl !== undefined) {
    const bytes = await readSource(context, imageUrl);
    if (typeof bytes === "string") return { ok: false, errors: unreadableImage(bytes) };
    const decoded = await decodeImage(bytes);
    if (typeof decoded === "string") return { ok: false, errors: unreadableImage(decoded) };
    source = { bytes, width: decoded.width, height: decoded.height };
  }
  const size = clipSize(aspectRatio, source);
  const videoId = context.videos.add({
    promptHash: hashPrompt(prompt),
    seed,
    seconds,
    ...size,
    audio,
    ...(source ? { source: source.bytes } : {}),
  });
  return { ok: true, value: { kind: "video", prompt, seed, seconds, videoId } };
}

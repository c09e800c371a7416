/**
 * The video models the emulator serves, with their input schemas as fal's pages state them
 * (fal.ai/models/<id>/llms.txt, read 2026-12-01): fal's enums and defaults, unknown keys ignored
 * as fal ignores them, a 422 in FastAPI's shape for a value off the page. At least as lenient
 * as fal, so the app's own, narrower check is what its tests see.
 */
import type { FieldError } from "./model-input";

export type VideoModelKind = "text-to-video" | "image-to-video";

export type VideoSchema = {
  kind: VideoModelKind;
  durations: readonly string[];
  aspectRatios: readonly string[];
  resolutions: readonly string[];
  /** fal's defaults: the dearest clip (8 s, with audio) unless the caller says otherwise. */
  defaults: { duration: string; aspectRatio: string; resolution: string; audio: boolean };
};

const veoDurations = ["4s", "6s", "8s"];
const textDefaults = { duration: "8s", aspectRatio: "16:9", resolution: "720p", audio: true };

export const videoModels: ReadonlyMap<string, VideoSchema> = new Map([
  [
    "fal-ai/veo3.1/lite",
    {
      kind: "text-to-video",
      durations: veoDurations,
      aspectRatios: ["16:9", "9:16"],
      resolutions: ["720p", "1080p"],
      defaults: textDefaults,
    },
  ],
  [
    "fal-ai/veo3.1",
    {
      kind: "text-to-video",
      durations: veoDurations,
      aspectRatios: ["16:9", "9:16"],
      resolutions: ["720p", "1080p", "4k"],
      defaults: textDefaults,
    },
  ],
  [
    "fal-ai/veo3.1/lite/image-to-video",
    {
      kind: "image-to-video",
      durations: veoDurations,
      aspectRatios: ["auto", "16:9", "9:16"],
      resolutions: ["720p", "1080p"],
      defaults: { ...textDefaults, aspectRatio: "auto" },
    },
  ],
]);

/** What a video run was asked for, fal's defaults filled in. */
export type VideoFields = {
  prompt: string;
  seed: number | undefined;
  seconds: number;
  aspectRatio: string;
  resolution: string;
  audio: boolean;
  /** Image-to-video only. */
  imageUrl?: string;
};

export type VideoFieldsResult =
  | { ok: true; value: VideoFields }
  | { ok: false; errors: FieldError[] };

const error = (field: string, msg: string, type: string): FieldError => ({
  loc: ["body", field],
  msg,
  type,
});

const safetyTolerances = ["1", "2", "3", "4", "5", "6"];

/** Pydantic's words for an enum: "Input should be '4s', '6s' or '8s'". */
function enumMessage(values: readonly string[]): string {
  const quoted = values.map((value) => `'${value}'`);
  return `Input should be ${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
}

function pick(
  body: Record<string, unknown>,
  field: string,
  values: readonly string[],
  fallback: string,
  errors: FieldError[],
): string {
  const raw = body[field];
  if (raw === undefined || raw === null) return fallback;
  // Pydantic reads a number where the enum is of digits ("4" for 4), as fal does.
  const text = typeof raw === "number" ? String(raw) : raw;
  if (typeof text === "string" && values.includes(text)) return text;
  errors.push(error(field, enumMessage(values), "enum"));
  return fallback;
}

function flag(
  body: Record<string, unknown>,
  field: string,
  fallback: boolean,
  errors: FieldError[],
) {
  const raw = body[field];
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw === "boolean") return raw;
  errors.push(error(field, "Input should be a valid boolean", "bool_type"));
  return fallback;
}

function text(
  body: Record<string, unknown>,
  field: string,
  required: boolean,
  errors: FieldError[],
) {
  const raw = body[field];
  if (raw === undefined || raw === null) {
    if (required) errors.push(error(field, "Field required", "missing"));
    return undefined;
  }
  if (typeof raw === "string") return raw;
  errors.push(error(field, "Input should be a valid string", "string_type"));
  return undefined;
}

/** Validates a video model's body against its page's schema. */
export function validateVideoInput(schema: VideoSchema, body: unknown): VideoFieldsResult {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return {
      ok: false,
      errors: [{ loc: ["body"], msg: "Input should be a valid object", type: "model_type" }],
    };
  }
  const input = body as Record<string, unknown>;
  const errors: FieldError[] = [];
  const prompt = text(input, "prompt", true, errors);
  if (prompt !== undefined && prompt.trim() === "") {
    errors.push(error("prompt", "String should have at least 1 character", "string_too_short"));
  }
  const { defaults } = schema;
  const duration = pick(input, "duration", schema.durations, defaults.duration, errors);
  const aspectRatio = pick(
    input,
    "aspect_ratio",
    schema.aspectRatios,
    defaults.aspectRatio,
    errors,
  );
  const resolution = pick(input, "resolution", schema.resolutions, defaults.resolution, errors);
  const audio = flag(input, "generate_audio", defaults.audio, errors);
  flag(input, "auto_fix", true, errors);
  pick(input, "safety_tolerance", safetyTolerances, "4", errors);
  text(input, "negative_prompt", false, errors);
  const { seed } = input;
  if (
    seed !== undefined &&
    seed !== null &&
    !(typeof seed === "number" && Number.isSafeInteger(seed))
  ) {
    errors.push(error("seed", "Input should be a valid integer", "int_type"));
  }
  const imageUrl =
    schema.kind === "image-to-video" ? text(input, "image_url", true, errors) : undefined;
  if (errors.length > 0 || prompt === undefined) return { ok: false, errors };
  return {
    ok: true,
    value: {
      prompt,
      seed: typeof seed === "number" ? seed : undefined,
      seconds: Number.parseInt(duration, 10),
      aspectRatio,
      resolution,
      audio,
      ...(imageUrl === undefined ? {} : { imageUrl }),
    },
  };
}

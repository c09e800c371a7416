import * as z from "zod/mini";
import { imageInput, imageInputFields } from "./image-input-fields";
import type { ExtraMediaOrigins } from "./media-url";
import { type CatalogModel, makesVideo, takesImage } from "./model-definition";
import { type CheckedInput, maxSeed } from "./model-input";
import { videoInput, videoInputFields } from "./video-input-fields";

// Built once per entry and list of media origins: a schema costs far more to build than to run.
const schemas = new WeakMap<CatalogModel, Map<string, ReturnType<typeof buildSchema>>>();

function fixedFields(model: CatalogModel) {
  return Object.fromEntries(
    Object.entries(model.fixed).map(([key, value]) => [
      key,
      z.optional(
        z.literal(value, {
          error: `${key} is fixed to ${value} for ${model.name} on this server.`,
        }),
      ),
    ]),
  );
}

function unknownKeyMessage(model: CatalogModel, key: PropertyKey | undefined): string {
  if (key === "image_url" && !takesImage(model)) {
    const makes = makesVideo(model) ? "videos" : "images";
    return `${model.name} makes ${makes} from text only: it takes no image_url.`;
  }
  return `${String(key)} is not an input this server sends to ${model.name}.`;
}

function buildSchema(model: CatalogModel, extraOrigins: ExtraMediaOrigins) {
  const seedError = `seed must be a whole number from 0 to ${maxSeed}.`;
  return z.strictObject(
    {
      prompt: z.string({ error: "prompt must be text." }).check(
        z.trim(),
        z.minLength(1, { error: "prompt must not be empty." }),
        z.maxLength(model.maxPromptLength, {
          error: `prompt must be at most ${model.maxPromptLength} characters.`,
        }),
      ),
      ...(makesVideo(model)
        ? videoInputFields(model, extraOrigins)
        : imageInputFields(model, extraOrigins)),
      seed: z.optional(
        z
          .int({ error: seedError })
          .check(z.gte(0, { error: seedError }), z.lte(maxSeed, { error: seedError })),
      ),
      ...fixedFields(model),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? unknownKeyMessage(model, issue.keys[0])
          : "The model input must be a JSON object.",
    },
  );
}

function schemaFor(model: CatalogModel, extraOrigins: ExtraMediaOrigins) {
  let byOrigins = schemas.get(model);
  if (!byOrigins) {
    byOrigins = new Map();
    schemas.set(model, byOrigins);
  }
  const key = extraOrigins.join(" ");
  let schema = byOrigins.get(key);
  if (!schema) {
    schema = buildSchema(model, extraOrigins);
    byOrigins.set(key, schema);
  }
  return schema;
}

/**
 * Checks a caller's input against the entry: known keys only, each within its limits (a video
 * model's duration, aspect ratio, resolution and audio from the entry's lists), fixed fields
 * unchanged, and an input image only where the model takes one, only from fal's media hosts
 * (or `extraOrigins`, the emulator's when the server uses it). The proxy runs this on every
 * submit and forwards only what it returns; the form runs the same check before it sends.
 */
export function checkModelInput(
  model: CatalogModel,
  body: unknown,
  extraOrigins: ExtraMediaOrigins = [],
): CheckedInput {
  const parsed = schemaFor(model, extraOrigins).safeParse(body);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const field =
      issue?.code === "unrecognized_keys" ? String(issue.keys[0]) : (issue?.path ?? []).join(".");
    return { ok: false, refusal: { field, message: issue?.message ?? "The input is invalid." } };
  }
  const { prompt, seed, ...chosen } = parsed.data as Record<string, unknown> & {
    prompt: string;
    seed?: number;
  };
  return {
    ok: true,
    input: {
      ...model.fixed,
      prompt,
      ...(makesVideo(model) ? videoInput(model, chosen) : imageInput(model, chosen)),
      ...(seed === undefined ? {} : { seed }),
    },
  };
}

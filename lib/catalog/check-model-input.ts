import * as z from "zod/mini";
import { type ImageSize, imageSizeNames } from "./image-sizes";
import { type ExtraMediaOrigins, mediaUrlProblem } from "./media-url";
import { type ModelDefinition, type NumberRange, strengthOf, takesImage } from "./model-definition";
import { type CheckedInput, maxSeed } from "./model-input";

// Built once per entry and list of media origins: a schema costs far more to build than to run.
const schemas = new WeakMap<ModelDefinition, Map<string, ReturnType<typeof buildSchema>>>();

function imageFields(model: ModelDefinition, extraOrigins: ExtraMediaOrigins) {
  if (!takesImage(model)) {
    return {
      image_size: z.optional(
        z.enum(imageSizeNames, {
          error: `image_size must be one of: ${imageSizeNames.join(", ")}.`,
        }),
      ),
    };
  }
  const imageUrl = z
    .string({ error: `image_url is required for ${model.name}: add an image.` })
    .check(
      z.superRefine((value, context) => {
        const problem = mediaUrlProblem(value, extraOrigins);
        if (problem) context.addIssue({ code: "custom", message: problem, input: value });
      }),
    );
  const strength = strengthOf(model);
  return {
    image_url: imageUrl,
    ...(strength ? { strength: z.optional(strengthSchema(strength)) } : {}),
  };
}

function strengthSchema({ min, max }: NumberRange) {
  const error = `strength must be a number from ${min} to ${max}.`;
  return z.number({ error }).check(z.gte(min, { error }), z.lte(max, { error }));
}

function buildSchema(model: ModelDefinition, extraOrigins: ExtraMediaOrigins) {
  const fixed = Object.fromEntries(
    Object.entries(model.fixed).map(([key, value]) => [
      key,
      z.optional(
        z.literal(value, {
          error: `${key} is fixed to ${value} for ${model.name} on this server.`,
        }),
      ),
    ]),
  );
  return z.strictObject(
    {
      prompt: z.string({ error: "prompt must be text." }).check(
        z.trim(),
        z.minLength(1, { error: "prompt must not be empty." }),
        z.maxLength(model.maxPromptLength, {
          error: `prompt must be at most ${model.maxPromptLength} characters.`,
        }),
      ),
      ...imageFields(model, extraOrigins),
      num_images: z.optional(
        z.int({ error: `num_images must be a whole number from 1 to ${model.maxImages}.` }).check(
          z.gte(1, { error: "num_images must be at least 1." }),
          z.lte(model.maxImages, {
            error: `num_images must be at most ${model.maxImages} for ${model.name}.`,
          }),
        ),
      ),
      seed: z.optional(
        z
          .int({ error: `seed must be a whole number from 0 to ${maxSeed}.` })
          .check(
            z.gte(0, { error: `seed must be a whole number from 0 to ${maxSeed}.` }),
            z.lte(maxSeed, { error: `seed must be a whole number from 0 to ${maxSeed}.` }),
          ),
      ),
      ...fixed,
    },
    {
      error: (issue) => {
        if (issue.code !== "unrecognized_keys") return "The model input must be a JSON object.";
        const [key] = issue.keys;
        return key === "image_url"
          ? `${model.name} makes images from text only: it takes no image_url.`
          : `${key} is not an input this server sends to ${model.name}.`;
      },
    },
  );
}

function schemaFor(model: ModelDefinition, extraOrigins: ExtraMediaOrigins) {
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
 * Checks a caller's input against the entry: known keys only, each within its limits, fixed
 * fields unchanged, and an input image only where the model takes one, only from fal's media
 * hosts (or `extraOrigins`, the emulator's when the server uses it). The proxy runs this on
 * every submit and forwards only what it returns; the form runs the same check before it sends.
 */
export function checkModelInput(
  model: ModelDefinition,
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
  const { prompt, image_size, num_images, seed, image_url, strength } = parsed.data as {
    prompt: string;
    image_size?: ImageSize;
    num_images?: number;
    seed?: number;
    image_url?: string;
    strength?: number;
  };
  const range = strengthOf(model);
  return {
    ok: true,
    input: {
      ...model.fixed,
      prompt,
      ...(takesImage(model) ? { image_url } : { image_size: image_size ?? model.defaultImageSize }),
      ...(range ? { strength: strength ?? range.default } : {}),
      num_images: num_images ?? 1,
      ...(seed === undefined ? {} : { seed }),
    },
  };
}

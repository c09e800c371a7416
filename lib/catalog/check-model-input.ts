import * as z from "zod/mini";
import { type ImageSize, imageSizeNames } from "./image-sizes";
import { type CheckedInput, maxSeed } from "./model-input";
import type { ModelDefinition } from "./models";

// Built once per entry: a schema costs far more to build than to run.
const schemas = new WeakMap<ModelDefinition, ReturnType<typeof buildSchema>>();

function buildSchema(model: ModelDefinition) {
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
  const sizes = imageSizeNames.join(", ");
  return z.strictObject(
    {
      prompt: z.string({ error: "prompt must be text." }).check(
        z.trim(),
        z.minLength(1, { error: "prompt must not be empty." }),
        z.maxLength(model.maxPromptLength, {
          error: `prompt must be at most ${model.maxPromptLength} characters.`,
        }),
      ),
      image_size: z.optional(
        z.enum(imageSizeNames, { error: `image_size must be one of: ${sizes}.` }),
      ),
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
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `${issue.keys[0]} is not an input this server sends to ${model.name}.`
          : "The model input must be a JSON object.",
    },
  );
}

/**
 * Checks a caller's input against the entry: known keys only, each within its limits, fixed
 * fields unchanged. The proxy runs this on every submit and forwards only what it returns;
 * the form runs the same check before it sends anything.
 */
export function checkModelInput(model: ModelDefinition, body: unknown): CheckedInput {
  let schema = schemas.get(model);
  if (!schema) {
    schema = buildSchema(model);
    schemas.set(model, schema);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const field =
      issue?.code === "unrecognized_keys" ? String(issue.keys[0]) : (issue?.path ?? []).join(".");
    return { ok: false, refusal: { field, message: issue?.message ?? "The input is invalid." } };
  }
  const { prompt, image_size, num_images, seed } = parsed.data as {
    prompt: string;
    image_size?: ImageSize;
    num_images?: number;
    seed?: number;
  };
  return {
    ok: true,
    input: {
      ...model.fixed,
      prompt,
      image_size: image_size ?? model.defaultImageSize,
      num_images: num_images ?? 1,
      ...(seed === undefined ? {} : { seed }),
    },
  };
}

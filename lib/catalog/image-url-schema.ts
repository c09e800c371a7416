import * as z from "zod/mini";
import { type ExtraMediaOrigins, mediaUrlProblem } from "./media-url";

/**
 * `image_url` for a model that takes an input image: required, and only from fal's media
 * hosts (or `extraOrigins`, the emulator's when the server uses it), whatever the model makes.
 */
export function imageUrlSchema(modelName: string, extraOrigins: ExtraMediaOrigins) {
  return z.string({ error: `image_url is required for ${modelName}: add an image.` }).check(
    z.superRefine((value, context) => {
      const problem = mediaUrlProblem(value, extraOrigins);
      if (problem) context.addIssue({ code: "custom", message: problem, input: value });
    }),
  );
}

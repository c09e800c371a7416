/**
 * The image models the emulator serves: their input image and strength, checked as fal does
 * (a 422 in FastAPI's shape). Every other endpoint id stays a text-to-image model.
 */
import type { FieldError } from "./model-input";

export type ImageModelKind = "edit" | "image-to-image";

export const imageModels: ReadonlyMap<string, ImageModelKind> = new Map([
  ["fal-ai/flux-pro/kontext", "edit"],
  ["fal-ai/flux/dev/image-to-image", "image-to-image"],
]);

/** fal's range and default for FLUX.1 [dev] image-to-image. */
export const strengthRange = { min: 0.01, max: 1, default: 0.95 };
/** An edit has no strength; it keeps this much of its input's look. */
export const editStrength = 0.5;

export type ImageFields = { imageUrl: string; strength: number };

export type ImageFieldsResult =
  | { ok: true; value: ImageFields }
  | { ok: false; errors: FieldError[] };

const error = (field: string, msg: string, type: string): FieldError => ({
  loc: ["body", field],
  msg,
  type,
});

export function validateImageFields(
  kind: ImageModelKind,
  body: Record<string, unknown>,
): ImageFieldsResult {
  const errors: FieldError[] = [];
  const { image_url: imageUrl, strength } = body;
  if (imageUrl === undefined) errors.push(error("image_url", "Field required", "missing"));
  else if (typeof imageUrl !== "string") {
    errors.push(error("image_url", "Input should be a valid string", "string_type"));
  }
  let chosen = kind === "edit" ? editStrength : strengthRange.default;
  if (kind === "image-to-image" && strength !== undefined && strength !== null) {
    if (typeof strength !== "number" || !Number.isFinite(strength)) {
      errors.push(error("strength", "Input should be a valid number", "float_type"));
    } else if (strength < strengthRange.min || strength > strengthRange.max) {
      const msg = `Input should be between ${strengthRange.min} and ${strengthRange.max}`;
      errors.push(error("strength", msg, "value_error"));
    } else {
      chosen = strength;
    }
  }
  if (errors.length > 0 || typeof imageUrl !== "string") return { ok: false, errors };
  return { ok: true, value: { imageUrl, strength: chosen } };
}

/** The 422 fal gives for an input image it cannot load. */
export function unreadableImage(msg: string): FieldError[] {
  return [error("image_url", msg, "image_load_error")];
}

/**
 * Validation of the text-to-image input every emulated endpoint accepts. Errors use
 * the FastAPI/Pydantic 422 shape so the real client turns them into a `ValidationError`.
 */

export type FieldError = {
  loc: (string | number)[];
  msg: string;
  type: string;
};

export type ImageRequest = {
  prompt: string;
  width: number;
  height: number;
  numImages: number;
  /** Absent when the caller wants a random seed; the caller of `validateInput` picks it. */
  seed: number | undefined;
};

export type InputResult = { ok: true; value: ImageRequest } | { ok: false; errors: FieldError[] };

export const imageSizes: Readonly<Record<string, { width: number; height: number }>> = {
  square_hd: { width: 1024, height: 1024 },
  square: { width: 512, height: 512 },
  portrait_4_3: { width: 768, height: 1024 },
  portrait_16_9: { width: 576, height: 1024 },
  landscape_4_3: { width: 1024, height: 768 },
  landscape_16_9: { width: 1024, height: 576 },
};

export const minSide = 64;
export const maxSide = 2048;
export const maxImages = 4;
const defaultSize = "landscape_4_3";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fieldError(loc: (string | number)[], msg: string, type: string): FieldError {
  return { loc: ["body", ...loc], msg, type };
}

function checkSide(value: unknown, name: "width" | "height", errors: FieldError[]): number {
  const loc = ["image_size", name];
  if (typeof value !== "number" || !Number.isInteger(value)) {
    errors.push(fieldError(loc, "Input should be a valid integer", "int_type"));
  } else if (value < minSide) {
    errors.push(
      fieldError(loc, `Input should be greater than or equal to ${minSide}`, "greater_than_equal"),
    );
  } else if (value > maxSide) {
    errors.push(
      fieldError(loc, `Input should be less than or equal to ${maxSide}`, "less_than_equal"),
    );
  } else {
    return value;
  }
  return 0;
}

function resolveSize(raw: unknown, errors: FieldError[]): { width: number; height: number } {
  if (raw === undefined) return imageSizes[defaultSize] ?? { width: 1024, height: 768 };
  if (typeof raw === "string") {
    const preset = Object.hasOwn(imageSizes, raw) ? imageSizes[raw] : undefined;
    if (preset) return preset;
    const names = Object.keys(imageSizes).join(", ");
    errors.push(fieldError(["image_size"], `Input should be one of: ${names}`, "enum"));
    return { width: 0, height: 0 };
  }
  if (isRecord(raw)) {
    return {
      width: checkSide(raw.width, "width", errors),
      height: checkSide(raw.height, "height", errors),
    };
  }
  errors.push(
    fieldError(["image_size"], "Input should be a size name or {width, height}", "model_type"),
  );
  return { width: 0, height: 0 };
}

function resolvePrompt(raw: unknown, errors: FieldError[]): string {
  if (raw === undefined) {
    errors.push(fieldError(["prompt"], "Field required", "missing"));
  } else if (typeof raw !== "string") {
    errors.push(fieldError(["prompt"], "Input should be a valid string", "string_type"));
  } else if (raw.trim() === "") {
    errors.push(
      fieldError(["prompt"], "String should have at least 1 character", "string_too_short"),
    );
  } else {
    return raw;
  }
  return "";
}

function resolveCount(raw: unknown, errors: FieldError[]): number {
  if (raw === undefined) return 1;
  if (typeof raw !== "number" || !Number.isInteger(raw)) {
    errors.push(fieldError(["num_images"], "Input should be a valid integer", "int_type"));
  } else if (raw < 1) {
    errors.push(
      fieldError(
        ["num_images"],
        "Input should be greater than or equal to 1",
        "greater_than_equal",
      ),
    );
  } else if (raw > maxImages) {
    const msg = `Input should be less than or equal to ${maxImages}`;
    errors.push(fieldError(["num_images"], msg, "less_than_equal"));
  } else {
    return raw;
  }
  return 0;
}

function resolveSeed(raw: unknown, errors: FieldError[]): number | undefined {
  // JSON null is how some forms say "no seed"; treat it like an absent key.
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === "number" && Number.isSafeInteger(raw)) return raw;
  errors.push(fieldError(["seed"], "Input should be a valid integer", "int_type"));
  return undefined;
}

/** Validates a parsed JSON body. Unknown keys are ignored, as fal's models do. */
export function validateInput(body: unknown): InputResult {
  if (!isRecord(body)) {
    return { ok: false, errors: [fieldError([], "Input should be a valid object", "model_type")] };
  }
  const errors: FieldError[] = [];
  const prompt = resolvePrompt(body.prompt, errors);
  const size = resolveSize(body.image_size, errors);
  const numImages = resolveCount(body.num_images, errors);
  const seed = resolveSeed(body.seed, errors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { prompt, ...size, numImages, seed } };
}

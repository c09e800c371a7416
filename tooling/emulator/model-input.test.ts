import { describe, expect, it } from "vitest";
import { imageSizes, validateInput } from "./model-input";

function errorsOf(body: unknown) {
  const result = validateInput(body);
  if (result.ok) throw new Error("expected a validation failure");
  return result.errors;
}

describe("validateInput", () => {
  it("accepts a prompt alone with the defaults", () => {
    expect(validateInput({ prompt: "a cat" })).toEqual({
      ok: true,
      value: { prompt: "a cat", width: 1024, height: 768, numImages: 1, seed: undefined },
    });
  });

  it.each(Object.entries(imageSizes))("resolves the %s preset", (name, size) => {
    const result = validateInput({ prompt: "p", image_size: name });
    expect(result.ok && { width: result.value.width, height: result.value.height }).toEqual(size);
  });

  it("keeps the documented preset sizes", () => {
    expect(imageSizes.square_hd).toEqual({ width: 1024, height: 1024 });
    expect(imageSizes.portrait_16_9).toEqual({ width: 576, height: 1024 });
    expect(imageSizes.landscape_16_9).toEqual({ width: 1024, height: 576 });
  });

  it("accepts custom sizes at the bounds, a seed and extra keys", () => {
    const result = validateInput({
      prompt: "p",
      image_size: { width: 64, height: 2048 },
      num_images: 4,
      seed: 42,
      guidance_scale: 3.5,
    });
    expect(result).toEqual({
      ok: true,
      value: { prompt: "p", width: 64, height: 2048, numImages: 4, seed: 42 },
    });
  });

  it("treats a null seed as absent", () => {
    const result = validateInput({ prompt: "p", seed: null });
    expect(result.ok && result.value.seed).toBeUndefined();
  });

  it.each([
    [{}, ["body", "prompt"], "missing"],
    [{ prompt: "" }, ["body", "prompt"], "string_too_short"],
    [{ prompt: "   " }, ["body", "prompt"], "string_too_short"],
    [{ prompt: 3 }, ["body", "prompt"], "string_type"],
    [{ prompt: "p", image_size: "huge" }, ["body", "image_size"], "enum"],
    [{ prompt: "p", image_size: "toString" }, ["body", "image_size"], "enum"],
    [{ prompt: "p", image_size: 512 }, ["body", "image_size"], "model_type"],
    [
      { prompt: "p", image_size: { width: 63, height: 64 } },
      ["body", "image_size", "width"],
      "greater_than_equal",
    ],
    [
      { prompt: "p", image_size: { width: 64, height: 2049 } },
      ["body", "image_size", "height"],
      "less_than_equal",
    ],
    [
      { prompt: "p", image_size: { width: 100.5, height: 64 } },
      ["body", "image_size", "width"],
      "int_type",
    ],
    [{ prompt: "p", num_images: 0 }, ["body", "num_images"], "greater_than_equal"],
    [{ prompt: "p", num_images: 5 }, ["body", "num_images"], "less_than_equal"],
    [{ prompt: "p", num_images: "2" }, ["body", "num_images"], "int_type"],
    [{ prompt: "p", seed: 1.5 }, ["body", "seed"], "int_type"],
    [{ prompt: "p", seed: "7" }, ["body", "seed"], "int_type"],
  ])("rejects %j at %j", (body, loc, type) => {
    expect(errorsOf(body)).toEqual([{ loc, msg: expect.any(String), type }]);
  });

  it("reports every bad field at once", () => {
    const errors = errorsOf({ prompt: "", num_images: 9, image_size: { width: 10 } });
    expect(errors.map((e) => e.loc.join("."))).toEqual([
      "body.prompt",
      "body.image_size.width",
      "body.image_size.height",
      "body.num_images",
    ]);
  });

  it.each([null, [], "prompt", 5])("rejects a non-object body %j", (body) => {
    expect(errorsOf(body)).toEqual([
      { loc: ["body"], msg: expect.any(String), type: "model_type" },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { catalogModel } from "../../tooling/testing/catalog-model";
import { checkModelInput } from "./check-model-input";
import type { CatalogModel } from "./model-definition";

const lite = catalogModel("fal-ai/veo3.1/lite", "text-to-video");
const veo = catalogModel("fal-ai/veo3.1", "text-to-video");
const animate = catalogModel("fal-ai/veo3.1/lite/image-to-video", "image-to-video");
const image = "https://v3.fal.media/files/rabbit/rmgBxhwGYb2d3pl3x9sKf_output.png";
const emulator = "http://localhost:4100";
const refusal = (model: CatalogModel, body: unknown, origins: string[] = []) => {
  const checked = checkModelInput(model, body, origins);
  return checked.ok ? "accepted" : checked.refusal;
};

describe("checkModelInput: video models", () => {
  it("sends every choice explicitly, the cheapest when left out, with the fixed fields", () => {
    expect(checkModelInput(lite, { prompt: "  a whale  " })).toEqual({
      ok: true,
      input: {
        prompt: "a whale",
        duration: "4s",
        aspect_ratio: "16:9",
        resolution: "720p",
        generate_audio: false,
        safety_tolerance: "4",
        auto_fix: false,
      },
    });
    expect(checkModelInput(animate, { prompt: "wave", image_url: image })).toMatchObject({
      ok: true,
      input: { image_url: image, aspect_ratio: "auto", duration: "4s", generate_audio: false },
    });
  });

  it("keeps each value the entry allows", () => {
    for (const model of [lite, veo, animate]) {
      const { durations, aspectRatios, resolutions } = model.video;
      const base = { prompt: "x", ...(model === animate ? { image_url: image } : {}) };
      for (const duration of durations) {
        for (const aspect_ratio of aspectRatios) {
          for (const resolution of resolutions) {
            for (const generate_audio of [false, true]) {
              const body = { ...base, duration, aspect_ratio, resolution, generate_audio, seed: 9 };
              expect(checkModelInput(model, body), model.id).toMatchObject({
                ok: true,
                input: { duration, aspect_ratio, resolution, generate_audio, seed: 9 },
              });
            }
          }
        }
      }
    }
  });

  it.each([
    ["a duration fal does not list", { duration: "5s" }],
    ["a duration as a number", { duration: 8 }],
    ["a duration past the list", { duration: "10s" }],
    ["a duration without its unit", { duration: "8" }],
  ])("refuses %s", (_, value) => {
    expect(refusal(lite, { prompt: "x", ...value })).toEqual({
      field: "duration",
      message: "duration must be one of: 4s, 6s, 8s.",
    });
  });

  it.each([
    ["a square", "1:1", "aspect_ratio must be one of: 16:9, 9:16."],
    ["auto, which only image-to-video takes", "auto", "aspect_ratio must be one of: 16:9, 9:16."],
    ["a ratio written otherwise", "16/9", "aspect_ratio must be one of: 16:9, 9:16."],
  ])("refuses an aspect ratio that is %s", (_, aspect_ratio, message) => {
    expect(refusal(lite, { prompt: "x", aspect_ratio })).toEqual({
      field: "aspect_ratio",
      message,
    });
  });

  it("refuses an aspect ratio off the image-to-video list too", () => {
    expect(refusal(animate, { prompt: "x", image_url: image, aspect_ratio: "1:1" })).toEqual({
      field: "aspect_ratio",
      message: "aspect_ratio must be one of: auto, 16:9, 9:16.",
    });
  });

  it.each([
    [lite, "4k", "resolution must be one of: 720p, 1080p."],
    [lite, "480p", "resolution must be one of: 720p, 1080p."],
    [veo, "8k", "resolution must be one of: 720p, 1080p, 4k."],
    [veo, "4K", "resolution must be one of: 720p, 1080p, 4k."],
    [animate, "4k", "resolution must be one of: 720p, 1080p."],
  ])("refuses a resolution the entry does not offer (%#)", (model, resolution, message) => {
    const body = { prompt: "x", resolution, ...(model === animate ? { image_url: image } : {}) };
    expect(refusal(model, body)).toEqual({ field: "resolution", message });
  });

  it.each([["true"], [1], [null], ["yes"]])("refuses generate_audio %j", (generate_audio) => {
    expect(refusal(veo, { prompt: "x", generate_audio })).toEqual({
      field: "generate_audio",
      message: "generate_audio must be true or false.",
    });
  });

  it.each([
    ["safety_tolerance", "6", "safety_tolerance is fixed to 4 for Veo 3.1 on this server."],
    ["safety_tolerance", 4, "safety_tolerance is fixed to 4 for Veo 3.1 on this server."],
    ["auto_fix", true, "auto_fix is fixed to false for Veo 3.1 on this server."],
  ])("refuses the fixed field %s set to %j", (field, value, message) => {
    expect(refusal(veo, { prompt: "x", [field]: value })).toEqual({ field, message });
    expect(checkModelInput(veo, { prompt: "x", auto_fix: false, safety_tolerance: "4" }).ok).toBe(
      true,
    );
  });

  it.each([
    ["num_images", 2],
    ["image_size", "square"],
    ["negative_prompt", "blur"],
    ["enable_safety_checker", false],
    ["sync_mode", true],
    ["webhook_url", "https://evil.example"],
    ["strength", 0.5],
  ])("refuses %s, which the entry does not send", (field, value) => {
    expect(refusal(lite, { prompt: "x", [field]: value })).toEqual({
      field,
      message: `${field} is not an input this server sends to Veo 3.1 Lite.`,
    });
  });

  it("refuses prototype keys and an empty prompt on a video model", () => {
    expect(refusal(lite, JSON.parse('{"prompt":"x","__proto__":{"duration":"8s"}}'))).toEqual({
      field: "__proto__",
      message: "__proto__ is not an input this server sends to Veo 3.1 Lite.",
    });
    expect(refusal(lite, { prompt: " " })).toEqual({
      field: "prompt",
      message: "prompt must not be empty.",
    });
  });
});

describe("checkModelInput: a video model's input image", () => {
  it("refuses an image on text-to-video, saying it takes words only", () => {
    expect(refusal(lite, { prompt: "x", image_url: image })).toEqual({
      field: "image_url",
      message: "Veo 3.1 Lite makes videos from text only: it takes no image_url.",
    });
  });

  it("requires an image on image-to-video, naming the model", () => {
    expect(refusal(animate, { prompt: "x" })).toEqual({
      field: "image_url",
      message: "image_url is required for Veo 3.1 Lite image-to-video: add an image.",
    });
    expect(refusal(animate, { prompt: "x", image_url: 7 })).toMatchObject({ field: "image_url" });
  });

  it.each([
    "https://evil.example/a.png",
    "http://v3.fal.media/files/a.png",
    "https://v3.fal.media.evil.com/files/a.png",
    "https://user@v3.fal.media/files/a.png",
    "data:image/png;base64,iVBORw0KGgo=",
    `${emulator}/files/uploads/1/cat.png`,
  ])("refuses an image off fal's media hosts on image-to-video: %s", (url) => {
    expect(refusal(animate, { prompt: "x", image_url: url })).toEqual({
      field: "image_url",
      message:
        "image_url must be an https URL on fal's media hosts (fal.media): upload the image through this app.",
    });
  });

  it("accepts the emulator's files on image-to-video only when its origin is passed", () => {
    const local = `${emulator}/files/uploads/1/cat.png`;
    expect(refusal(animate, { prompt: "x", image_url: local }, [emulator])).toBe("accepted");
    expect(
      refusal(animate, { prompt: "x", image_url: `${emulator}/__emulator/reset` }, [emulator]),
    ).toMatchObject({ field: "image_url" });
  });
});

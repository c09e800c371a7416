import { describe, expect, it } from "vitest";
import { checkModelInput } from "@/lib/catalog/check-model-input";
import { makesVideo } from "@/lib/catalog/model-definition";
import { catalog } from "@/lib/catalog/models";
import { validateVideoInput, videoModels } from "./video-models";

const lite = videoModels.get("fal-ai/veo3.1/lite");
const veo = videoModels.get("fal-ai/veo3.1");
const animate = videoModels.get("fal-ai/veo3.1/lite/image-to-video");
if (!lite || !veo || !animate) throw new Error("the video models are missing");

describe("validateVideoInput (the pages' schemas)", () => {
  it("fills in fal's defaults: eight seconds, 16:9 (auto from an image), 720p, with audio", () => {
    expect(validateVideoInput(lite, { prompt: "p" })).toEqual({
      ok: true,
      value: {
        prompt: "p",
        seed: undefined,
        seconds: 8,
        aspectRatio: "16:9",
        resolution: "720p",
        audio: true,
      },
    });
    expect(validateVideoInput(animate, { prompt: "p", image_url: "u" })).toMatchObject({
      ok: true,
      value: { aspectRatio: "auto", imageUrl: "u" },
    });
  });

  it("is at least as lenient as fal: unknown keys, nulls, the page's every value", () => {
    const body = {
      prompt: "p",
      duration: "6s",
      aspect_ratio: "9:16",
      resolution: "4k",
      generate_audio: false,
      seed: null,
      negative_prompt: "blur",
      auto_fix: true,
      safety_tolerance: 6,
      num_images: 3,
      something_new: { nested: true },
    };
    expect(validateVideoInput(veo, body)).toMatchObject({
      ok: true,
      value: { seconds: 6, aspectRatio: "9:16", resolution: "4k", audio: false },
    });
    // What the app sends: the fixed fields as its entries write them.
    expect(
      validateVideoInput(lite, { prompt: "p", safety_tolerance: "4", auto_fix: false }).ok,
    ).toBe(true);
  });

  it("refuses a value off the page, naming the field in FastAPI's shape", () => {
    const result = validateVideoInput(lite, {
      prompt: "",
      duration: "10s",
      aspect_ratio: "1:1",
      resolution: "4k",
      generate_audio: "yes",
      safety_tolerance: "7",
      seed: 1.5,
    });
    expect(result.ok ? [] : result.errors.map((e) => [e.loc.join("."), e.type])).toEqual([
      ["body.prompt", "string_too_short"],
      ["body.duration", "enum"],
      ["body.aspect_ratio", "enum"],
      ["body.resolution", "enum"],
      ["body.generate_audio", "bool_type"],
      ["body.safety_tolerance", "enum"],
      ["body.seed", "int_type"],
    ]);
    expect(validateVideoInput(lite, [])).toMatchObject({ ok: false });
  });

  it("requires the image of an image-to-video model, and nothing of a text-to-video one", () => {
    expect(validateVideoInput(animate, { prompt: "p" })).toEqual({
      ok: false,
      errors: [{ loc: ["body", "image_url"], msg: "Field required", type: "missing" }],
    });
    expect(validateVideoInput(lite, { prompt: "p", image_url: 7 })).toMatchObject({ ok: true });
  });
});

describe("the emulator against the app's catalog", () => {
  const appVideos = catalog.filter(makesVideo);

  it("serves every video model of the catalog", () => {
    expect([...videoModels.keys()].sort()).toEqual(appVideos.map((model) => model.id).sort());
  });

  it("is never stricter than the app's check: each input it lets through runs", () => {
    for (const model of appVideos) {
      const schema = videoModels.get(model.id);
      if (!schema) throw new Error(`${model.id} is not emulated`);
      const { durations, aspectRatios, resolutions } = model.video;
      for (const duration of durations) {
        for (const aspect_ratio of aspectRatios) {
          for (const resolution of resolutions) {
            for (const generate_audio of [false, true]) {
              const checked = checkModelInput(model, {
                prompt: "p",
                duration,
                aspect_ratio,
                resolution,
                generate_audio,
                seed: 4,
                ...(schema.kind === "image-to-video"
                  ? { image_url: "https://v3.fal.media/a.png" }
                  : {}),
              });
              if (!checked.ok) throw new Error(checked.refusal.message);
              expect(validateVideoInput(schema, checked.input), model.id).toMatchObject({
                ok: true,
                value: {
                  seconds: Number.parseInt(duration, 10),
                  aspectRatio: aspect_ratio,
                  audio: generate_audio,
                },
              });
            }
          }
        }
      }
    }
  });
});

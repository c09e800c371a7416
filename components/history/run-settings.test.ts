import { describe, expect, it } from "vitest";
import { type CatalogModel, makesVideo } from "@/lib/catalog/model-definition";
import { catalog } from "@/lib/catalog/models";
import type { RunView } from "@/lib/stores/run-view";
import { followMaxAgeMs, isFollowable, requestOfRun } from "./run-settings";

const model = (kind: CatalogModel["kind"]) => {
  const found = catalog.find((entry) => entry.kind === kind);
  if (!found) throw new Error(`no ${kind} model in the catalog`);
  return found;
};

const now = Date.parse("2026-12-02T12:00:00Z");
const run = (overrides: Partial<RunView> = {}): RunView => ({
  requestId: "req-1",
  modelId: model("text-to-image").id,
  status: "done",
  input: { prompt: "A heron at dawn", image_size: "landscape_4_3", num_images: 2, seed: 3 },
  costMicroUsd: 6_000,
  submittedAt: new Date(now - 5_000).toISOString(),
  finishedAt: new Date(now).toISOString(),
  images: [{ url: "https://v3.fal.media/files/a.png", width: 1024, height: 768 }],
  seed: 7,
  ...overrides,
});

describe("requestOfRun", () => {
  it("asks for what the run asked, with the seed fal drew with", () => {
    expect(requestOfRun(run(), model("text-to-image"), "square")).toStrictEqual({
      prompt: "A heron at dawn",
      imageSize: "landscape_4_3",
      numImages: 2,
      seed: 7,
    });
  });

  it("keeps an image model's input image and strength", () => {
    const input = {
      prompt: "Make it night",
      image_url: "https://v3.fal.media/files/in.png",
      num_images: 1,
      strength: 0.8,
    };
    const request = requestOfRun(run({ input }), model("image-to-image"), "square");
    expect(request).toMatchObject({
      imageUrl: "https://v3.fal.media/files/in.png",
      strength: 0.8,
      numImages: 1,
    });
  });

  it("falls back where this version no longer offers what the run used", () => {
    const text = model("text-to-image");
    if (makesVideo(text)) throw new Error("a text-to-image model makes images");
    const request = requestOfRun(
      run({ input: { prompt: "A heron", image_size: "huge", num_images: 99 }, seed: undefined }),
      text,
      "square",
    );
    expect(request).toStrictEqual({
      prompt: "A heron",
      imageSize: "square",
      numImages: text.maxImages,
    });
  });
});

describe("requestOfRun for a video", () => {
  it("gives the form a video run's duration, aspect ratio, resolution and audio, one clip", () => {
    const video = model("text-to-video");
    const input = {
      prompt: "Waves at night",
      duration: "6s",
      aspect_ratio: "9:16",
      resolution: "1080p",
      generate_audio: true,
    };
    expect(requestOfRun(run({ modelId: video.id, input }), video, "square")).toMatchObject({
      prompt: "Waves at night",
      numImages: 1,
      video: { duration: "6s", aspectRatio: "9:16", resolution: "1080p", audio: true },
    });
  });
});

describe("isFollowable", () => {
  it("waits on a recent run still at fal, never on a finished or an old one", () => {
    const running = run({ status: "in-progress", finishedAt: undefined });
    expect(isFollowable(running, now)).toBe(true);
    expect(isFollowable(run(), now)).toBe(false);
    expect(isFollowable(run({ status: "cancelled" }), now)).toBe(false);
    expect(isFollowable(running, now + followMaxAgeMs)).toBe(false);
  });
});

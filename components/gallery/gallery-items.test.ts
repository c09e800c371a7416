import { describe, expect, it } from "vitest";
import type { RunView } from "@/lib/stores/run-view";
import { galleryItems, itemBeside } from "./gallery-items";

function run(id: string, minute: number, extra: Partial<RunView> = {}): RunView {
  return {
    requestId: id,
    modelId: "fal-ai/flux/schnell",
    status: "done",
    input: { prompt: `prompt ${id}` },
    costMicroUsd: 3000,
    submittedAt: new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString(),
    images: [{ url: `https://fal.media/${id}.png` }],
    ...extra,
  };
}

const keys = (runs: RunView[]) => galleryItems(runs).map((item) => item.key);

describe("galleryItems", () => {
  it("lists outputs newest run first, each run's images in order", () => {
    const older = run("a", 1, {
      images: [{ url: "https://fal.media/a1.png" }, { url: "https://fal.media/a2.png" }],
    });
    expect(keys([older, run("b", 2)])).toEqual(["b:0", "a:0", "a:1"]);
    expect(galleryItems([older]).map(({ index, count }) => [index, count])).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it("counts a run listed twice once", () => {
    expect(keys([run("a", 1), run("a", 1)])).toEqual(["a:0"]);
  });

  it("shows a video run as one video, and nothing of runs that made nothing", () => {
    const video = run("v", 3, { images: [], video: { url: "https://fal.media/v.mp4" } });
    const failed = run("f", 4, { status: "failed", images: [] });
    const running = run("r", 5, { status: "in-progress", images: [] });
    const items = galleryItems([running, failed, video]);
    expect(items.map((item) => [item.key, item.kind])).toEqual([["v:video", "video"]]);
  });
});

describe("itemBeside", () => {
  const items = galleryItems([run("c", 3), run("b", 2), run("a", 1)]);
  it("steps forward and back, wrapping at the ends", () => {
    expect(itemBeside(items, "c:0", 1)?.key).toBe("b:0");
    expect(itemBeside(items, "a:0", 1)?.key).toBe("c:0");
    expect(itemBeside(items, "c:0", -1)?.key).toBe("a:0");
  });
  it("finds nothing beside an item that is gone", () => {
    expect(itemBeside(items, "z:0", 1)).toBeUndefined();
  });
});

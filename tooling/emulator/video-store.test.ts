import { describe, expect, it } from "vitest";
import { createVideoStore, videoPath } from "./video-store";

const spec = {
  promptHash: "a".repeat(32),
  seed: 1,
  seconds: 4,
  width: 320,
  height: 180,
  audio: false,
};

describe("the video store", () => {
  it("finds a clip by its path, and nothing else", () => {
    const store = createVideoStore();
    const id = store.add(spec);
    expect(store.byPath(videoPath(id))).toEqual(spec);
    expect(store.byPath(`/files/videos/${id}/output.mp4`)).toBeUndefined();
    expect(store.byPath(videoPath("00000000-0000-0000-0000-000000000000"))).toBeUndefined();
  });

  it("forgets the oldest clips past its count or its bytes of input images", () => {
    const store = createVideoStore({ maxVideos: 2, maxTotalBytes: 100 });
    const first = store.add(spec);
    const second = store.add({ ...spec, source: Buffer.alloc(60) });
    const third = store.add(spec);
    expect(store.byPath(videoPath(first))).toBeUndefined();
    expect(store.stats()).toEqual({ videos: 2, totalBytes: 60 });
    store.add({ ...spec, source: Buffer.alloc(60) });
    expect(store.byPath(videoPath(second))).toBeUndefined();
    expect(store.byPath(videoPath(third))).toBeDefined();
    expect(store.stats()).toEqual({ videos: 2, totalBytes: 60 });
  });
});

import { describe, expect, it } from "vitest";
import { outputImages, outputSeed, outputVideo } from "./model-output";

describe("outputImages", () => {
  it("takes the images of fal's output, with their sizes where fal gives whole, sane ones", () => {
    expect(
      outputImages({
        images: [
          {
            url: "https://v3.fal.media/a.png",
            width: 1024,
            height: 768,
            content_type: "image/png",
          },
          { url: "https://v3.fal.media/b.png" },
          { url: "https://v3.fal.media/c.png", width: 10.5, height: 3 },
          { url: "https://v3.fal.media/d.png", width: -1, height: 3 },
          { url: "https://v3.fal.media/e.png", width: 1e9, height: 3 },
        ],
        seed: 7,
      }),
    ).toEqual([
      { url: "https://v3.fal.media/a.png", width: 1024, height: 768 },
      { url: "https://v3.fal.media/b.png" },
      { url: "https://v3.fal.media/c.png" },
      { url: "https://v3.fal.media/d.png" },
      { url: "https://v3.fal.media/e.png" },
    ]);
  });

  it.each([
    ["nothing", undefined],
    ["a string", "images"],
    ["no images", { seed: 1 }],
    ["images that are not a list", { images: { url: "x" } }],
    ["entries without a URL", { images: [null, 3, { width: 1 }, { url: 5 }] }],
  ])("finds no files in %s", (_, output) => {
    expect(outputImages(output)).toEqual([]);
  });

  it("records at most 16 files from one output", () => {
    const images = Array.from({ length: 40 }, (_, i) => ({ url: `https://v3.fal.media/${i}.png` }));
    expect(outputImages({ images })).toHaveLength(16);
  });
});

describe("outputVideo and outputSeed", () => {
  it("read a video model's file and the seed fal drew with", () => {
    const output = {
      video: { url: "https://v3.fal.media/v.mp4", content_type: "video/mp4" },
      seed: 9,
    };
    expect(outputVideo(output)).toEqual({
      url: "https://v3.fal.media/v.mp4",
      contentType: "video/mp4",
    });
    expect(outputSeed(output)).toBe(9);
  });

  it.each([[undefined], [{ video: "x" }], [{ video: { url: 3 } }], [{ images: [] }]])(
    "find no video in %j",
    (output) => {
      expect(outputVideo(output)).toBeUndefined();
    },
  );
});

import { describe, expect, it } from "vitest";
import { dearestRun } from "./dearest-run";
import { makesVideo } from "./model-definition";
import { catalog } from "./models";

describe("dearestRun", () => {
  it("finds the catalog's dearest video: Veo 3.1, its longest clip at its top resolution, with audio", () => {
    const dearest = dearestRun(catalog);
    expect(dearest?.model.id).toBe("fal-ai/veo3.1");
    expect(dearest?.input).toMatchObject({
      duration: "8s",
      resolution: "4k",
      generate_audio: true,
    });
    // 8 s at $0.60 a second.
    expect(dearest?.costMicroUsd).toBe(4_800_000);
  });

  it("finds none in a catalog of images", () => {
    expect(dearestRun(catalog.filter((model) => !makesVideo(model)))).toBeUndefined();
  });
});

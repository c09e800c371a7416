import { describe, expect, it } from "vitest";
import { queuedRunStep } from "./use-run-when-ready";

const kontext = "fal-ai/flux-pro/kontext";

describe("queuedRunStep", () => {
  it("starts the run once the image it waited for is ready", () => {
    expect(queuedRunStep(kontext, { modelId: kontext, phase: "ready" })).toBe("start");
  });

  it("keeps waiting while an image is prepared or uploaded, another one picked meanwhile too", () => {
    expect(queuedRunStep(kontext, { modelId: kontext, phase: "preparing" })).toBe("wait");
    expect(queuedRunStep(kontext, { modelId: kontext, phase: "uploading" })).toBe("wait");
  });

  it("drops the run when the upload fails or the image is removed", () => {
    expect(queuedRunStep(kontext, { modelId: kontext, phase: "failed" })).toBe("drop");
    expect(queuedRunStep(kontext, { modelId: kontext, phase: "empty" })).toBe("drop");
  });

  it("drops the run when another model is picked, even once the image is ready", () => {
    const other = "fal-ai/flux/dev/image-to-image";
    expect(queuedRunStep(kontext, { modelId: other, phase: "uploading" })).toBe("drop");
    expect(queuedRunStep(kontext, { modelId: other, phase: "ready" })).toBe("drop");
  });
});

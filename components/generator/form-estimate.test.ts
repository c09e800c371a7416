import { describe, expect, it } from "vitest";
import { checkModelInput } from "@/lib/catalog/check-model-input";
import { estimateCostMicroUsd } from "@/lib/catalog/cost";
import type { VideoModel } from "@/lib/catalog/model-definition";
import { formModelInput } from "@/lib/catalog/model-input";
import type { BudgetView } from "@/lib/stores/budget-view";
import { catalogModel } from "../../tooling/testing/catalog-model";
import { budgetThatStops, overBudgetReason } from "./budget-check";
import { describeVideoCost } from "./cost-estimate";
import { formEstimate } from "./form-estimate";
import { type FormValues, initialFormValues, requestOf, withModel } from "./form-values";

const lite = catalogModel("fal-ai/veo3.1/lite", "text-to-video");
const veo = catalogModel("fal-ai/veo3.1", "text-to-video");
const animate = catalogModel("fal-ai/veo3.1/lite/image-to-video", "image-to-video");
const dev = catalogModel("fal-ai/flux/dev", "text-to-image");
const image = {
  url: "https://v3.fal.media/files/a/b.png",
  dimensions: { width: 512, height: 512 },
};

const start = (model: VideoModel = lite): FormValues => ({
  ...withModel(initialFormValues([dev]), model),
  prompt: "A lighthouse at dusk",
});

/** The form's video choices, which a video model's values always have. */
function choiceOf(values: FormValues) {
  if (!values.video) throw new Error("no video choices");
  return values.video;
}

function shown(values: FormValues, model: VideoModel = lite) {
  const { video } = formEstimate(model, values, undefined);
  if (!video) throw new Error("no per-second breakdown");
  return describeVideoCost(video);
}

/** What the proxy would charge for the request the form sends: its input, checked, priced. */
function charged(values: FormValues, model: VideoModel) {
  const request = requestOf(values, model, model === animate ? image : undefined, undefined);
  const checked = checkModelInput(model, formModelInput(model, request));
  if (!checked.ok) throw new Error(checked.refusal.message);
  return estimateCostMicroUsd(model, checked.input);
}

describe("the form's estimate of a video", () => {
  it("shows the seconds, the per-second rate of the resolution and audio, and the total", () => {
    const values = start();
    expect(shown(values)).toBe("4 s × $0.03/s = $0.12 (720p, silent)");
    const dear = {
      ...values,
      video: { ...choiceOf(values), duration: "8s", resolution: "1080p", audio: true },
    };
    expect(shown(dear)).toBe("8 s × $0.08/s = $0.64 (1080p, with audio)");
  });

  it("is what the proxy charges for the input the form sends, for every choice allowed", () => {
    for (const model of [lite, veo, animate]) {
      for (const duration of model.video.durations) {
        for (const resolution of model.video.resolutions) {
          for (const audio of [false, true]) {
            const base = start(model);
            const values = { ...base, video: { ...choiceOf(base), duration, resolution, audio } };
            expect(formEstimate(model, values, image).totalMicroUsd).toBe(charged(values, model));
          }
        }
      }
    }
  });

  it("keeps the choices the next model allows when switching, and drops the others", () => {
    const at4k = {
      ...start(veo),
      video: { duration: "8s", aspectRatio: "9:16", resolution: "4k", audio: true },
    };
    expect(withModel(at4k, lite).video).toEqual({
      duration: "8s",
      aspectRatio: "9:16",
      resolution: "720p",
      audio: true,
    });
    expect(withModel(at4k, animate).video?.aspectRatio).toBe("9:16");
    expect(withModel(at4k, dev).video).toBeUndefined();
    // A video model makes one clip, whatever the image count the form held.
    expect(requestOf({ ...at4k, numImages: 4 }, veo, undefined, undefined).numImages).toBe(1);
  });
});

describe("overBudgetReason", () => {
  const budget = (userLeft: number, appLeft: number): BudgetView => ({
    user: {
      limitMicroUsd: 1_000_000,
      spentMicroUsd: 1_000_000 - userLeft,
      remainingMicroUsd: userLeft,
    },
    app: { limitMicroUsd: 10_000_000, spentMicroUsd: 0, remainingMicroUsd: appLeft },
    resetsAt: "2026-12-03T00:00:00.000Z",
  });

  it("says nothing while both budgets cover the run, or when the budget is unknown", () => {
    expect(overBudgetReason(120_000, budget(120_000, 120_000))).toBeUndefined();
    expect(overBudgetReason(120_000, undefined)).toBeUndefined();
  });

  it("names the cost, what is left of the user's budget, and when it resets", () => {
    expect(overBudgetReason(640_000, budget(100_000, 5_000_000))).toBe(
      "This run costs $0.64, more than the $0.10 left of your $1.00 daily budget. Choose a cheaper run, or wait: budgets reset at midnight UTC.",
    );
  });

  it("names the app's budget when that is what falls short", () => {
    expect(overBudgetReason(640_000, budget(1_000_000, 500_000))).toMatch(
      /^This run costs \$0\.64, more than the \$0\.50 this app has left today for everyone\./,
    );
  });
  it("tells which budget stops a run: the user's first, then the app's, and none for a free run", () => {
    expect(budgetThatStops(640_000, budget(100_000, 100_000))).toBe("user");
    expect(budgetThatStops(640_000, budget(1_000_000, 500_000))).toBe("app");
    expect(budgetThatStops(640_000, budget(640_000, 640_000))).toBeUndefined();
    expect(budgetThatStops(0, budget(0, 0))).toBeUndefined();
    expect(budgetThatStops(640_000, undefined)).toBeUndefined();
  });
});

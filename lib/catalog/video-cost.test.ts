import { describe, expect, it } from "vitest";
import { catalogModel } from "../../tooling/testing/catalog-model";
import { checkModelInput } from "./check-model-input";
import { estimateCostMicroUsd, largestInputImage } from "./cost";
import type { VideoModel } from "./model-definition";

const lite = catalogModel("fal-ai/veo3.1/lite", "text-to-video");
const veo = catalogModel("fal-ai/veo3.1", "text-to-video");
const animate = catalogModel("fal-ai/veo3.1/lite/image-to-video", "image-to-video");
const image = "https://v3.fal.media/files/a/b.png";

/** The cost of a checked input, so every price here is of an input the proxy would send. */
function cost(model: VideoModel, choices: Record<string, unknown>) {
  const body = { prompt: "x", ...(model === animate ? { image_url: image } : {}), ...choices };
  const checked = checkModelInput(model, body);
  if (!checked.ok) throw new Error(checked.refusal.message);
  return estimateCostMicroUsd(model, checked.input);
}

// Every allowed duration, resolution and audio value, priced as each model's page states
// (read 2026-12-01): Veo 3.1 Lite $0.03 / $0.05 a second at 720p without / with audio, $0.05 /
// $0.08 at 1080p; Veo 3.1 $0.20 / $0.40 at 720p or 1080p, $0.40 / $0.60 at 4k.
const pagePerSecond: [VideoModel, string, boolean, number][] = [
  [lite, "720p", false, 0.03],
  [lite, "720p", true, 0.05],
  [lite, "1080p", false, 0.05],
  [lite, "1080p", true, 0.08],
  [animate, "720p", false, 0.03],
  [animate, "720p", true, 0.05],
  [animate, "1080p", false, 0.05],
  [animate, "1080p", true, 0.08],
  [veo, "720p", false, 0.2],
  [veo, "720p", true, 0.4],
  [veo, "1080p", false, 0.2],
  [veo, "1080p", true, 0.4],
  [veo, "4k", false, 0.4],
  [veo, "4k", true, 0.6],
];

describe("estimateCostMicroUsd: video models, per second", () => {
  it.each(
    pagePerSecond.flatMap(([model, resolution, audio, usd]) =>
      [4, 6, 8].map((seconds) => [model.id, seconds, resolution, audio, usd, model] as const),
    ),
  )("%s, %is at %s, audio %s: $%d a second", (_, seconds, resolution, audio, usd, model) => {
    const expected = Math.round(seconds * usd * 1_000_000);
    expect(cost(model, { duration: `${seconds}s`, resolution, generate_audio: audio })).toBe(
      expected,
    );
  });

  it("covers every value each entry allows, and nothing the pages do not price", () => {
    for (const model of [lite, veo, animate]) {
      const priced = pagePerSecond.filter(([entry]) => entry === model);
      expect(priced.map(([, resolution, audio]) => `${resolution} ${audio}`).sort()).toEqual(
        model.video.resolutions.flatMap((r) => [`${r} false`, `${r} true`]).sort(),
      );
      expect(model.video.durations).toEqual(["4s", "6s", "8s"]);
    }
  });

  it("prices what the check fills in: the shortest, lowest, silent clip", () => {
    expect(cost(lite, {})).toBe(120_000);
    expect(cost(veo, {})).toBe(800_000);
    // The aspect ratio and the input image do not change the price.
    expect(cost(animate, { aspect_ratio: "9:16" })).toBe(120_000);
    const input = { prompt: "x", image_url: image, duration: "8s", resolution: "720p" };
    expect(estimateCostMicroUsd(animate, input, largestInputImage)).toBe(240_000);
  });

  it("scales every variant with the unit price fal's pricing endpoint gives", () => {
    // A discounted key: $0.024 for the base variant moves 1080p with audio to $0.064 a second.
    const discounted: VideoModel = { ...lite, price: { ...lite.price, unitPriceUsd: 0.024 } };
    const input = { prompt: "x", duration: "8s", resolution: "1080p", generate_audio: true };
    expect(estimateCostMicroUsd(discounted, input)).toBe(512_000);
  });

  it("refuses to price a variant it has no rate for, rather than charging nothing", () => {
    expect(() => estimateCostMicroUsd(lite, { prompt: "x", resolution: "4k" })).toThrow(
      "fal-ai/veo3.1/lite: no price for 4s at 4k, audio false",
    );
    expect(() => estimateCostMicroUsd(lite, { prompt: "x", duration: "forever" })).toThrow(
      /no price for forever/,
    );
  });
});

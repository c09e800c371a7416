import { estimateCostMicroUsd } from "./cost";
import { type CatalogModel, makesVideo } from "./model-definition";
import type { ModelInput } from "./model-input";

export type DearestRun = { model: CatalogModel; input: ModelInput; costMicroUsd: number };

/**
 * The dearest run the catalog lets a caller start: every video model at every duration,
 * resolution and audio choice it offers. (An image run costs cents; a video, dollars.) The
 * server warns at start when it is more than a user's daily budget: such runs are refused.
 */
export function dearestRun(catalog: readonly CatalogModel[]): DearestRun | undefined {
  let dearest: DearestRun | undefined;
  for (const model of catalog) {
    if (!makesVideo(model)) continue;
    const { durations, resolutions, audio } = model.video;
    for (const duration of durations) {
      for (const resolution of resolutions) {
        for (const generate_audio of audio ? [false, true] : [false]) {
          const input: ModelInput = { prompt: "", duration, resolution, generate_audio };
          const costMicroUsd = estimateCostMicroUsd(model, input);
          if (!dearest || costMicroUsd > dearest.costMicroUsd)
            dearest = { model, input, costMicroUsd };
        }
      }
    }
  }
  return dearest;
}

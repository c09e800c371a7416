import type { VideoModel } from "./model-definition";
import type { ModelInput } from "./model-input";
import { microUsdPerUsd } from "./money";
import {
  defaultVideoChoice,
  durationSeconds,
  rateMultiplier,
  type VideoChoice,
} from "./video-options";

/** A video's price as the form shows it: its seconds times its variant's per-second rate. */
export type VideoCost = {
  seconds: number;
  /** Not rounded: a rate such as $0.03/s of a unit price read in fractions of a cent. */
  perSecondMicroUsd: number;
  resolution: string;
  audio: boolean;
  totalMicroUsd: number;
};

/**
 * What fal bills for a video, and how: its seconds times the per-second rate of its variant.
 * prices.json's unit price is the base variant's (the first resolution, silent); another
 * variant costs that times its page rate over the base page rate, e.g. Veo 3.1 Lite at 1080p
 * with audio is 0.08 / 0.03 of the unit price. The checked input names every choice; a field
 * left out (the form before it knows) counts as the check would fill it in.
 */
export function videoCost(
  model: VideoModel,
  input: Pick<ModelInput, "duration" | "resolution" | "generate_audio">,
): VideoCost {
  const start = defaultVideoChoice(model.video);
  const duration = input.duration ?? start.duration;
  const resolution = input.resolution ?? start.resolution;
  // A model that makes no audio choice may still have it fixed on.
  const audio = input.generate_audio === true;
  const seconds = durationSeconds(duration);
  const multiplier = rateMultiplier(model.video, resolution, audio);
  // The check lets through only listed values and the catalog refuses an entry with a value
  // it cannot price, so this is a bug: refusing the run beats charging it nothing.
  if (seconds === undefined || multiplier === undefined) {
    throw new Error(`${model.id}: no price for ${duration} at ${resolution}, audio ${audio}`);
  }
  const perSecondMicroUsd = model.price.unitPriceUsd * microUsdPerUsd * multiplier;
  const totalMicroUsd = Math.round(seconds * perSecondMicroUsd);
  return { seconds, perSecondMicroUsd, resolution, audio, totalMicroUsd };
}

/** What fal bills for a video, in micro-dollars: what the proxy charges before it calls fal. */
export function videoCostMicroUsd(model: VideoModel, input: ModelInput): number {
  return videoCost(model, input).totalMicroUsd;
}

/** The cost of the form's choices (the check's defaults for any not made yet). */
export function videoChoiceCost(model: VideoModel, choice: VideoChoice | undefined): VideoCost {
  return videoCost(model, {
    duration: choice?.duration,
    resolution: choice?.resolution,
    generate_audio: choice?.audio,
  });
}

/**
 * What a caller may choose for a video model, in fal's own values (its `duration`,
 * `aspect_ratio`, `resolution` and `generate_audio` inputs), and what each choice costs. No
 * server-only imports: the browser's form reads it too.
 */

/** fal's values for one input, as the model's page lists them. */
export type Choices = readonly [string, ...string[]];

/** US dollars per second of video, without and with audio, as the model's page states them. */
export type SecondRate = { silent: number; withAudio?: number };

export type VideoOptions = {
  /**
   * Each value is cheapest first, and the first is what a run gets when the caller leaves the
   * field out: the shortest clip, the lowest resolution.
   */
  durations: Choices;
  aspectRatios: Choices;
  resolutions: Choices;
  /** Whether a caller may ask for audio (`generate_audio`); a run is silent unless asked. */
  audio: boolean;
  /**
   * The page's per-second price of every resolution offered, without audio and (when the
   * model offers audio) with it. prices.json holds fal's unit price of the base variant, the
   * first resolution without audio; every other variant costs that times its rate over the
   * base rate, so a refreshed unit price moves all of them (lib/catalog/cost.ts).
   */
  secondRates: Readonly<Record<string, SecondRate>>;
};

/** A video's chosen variant, every field filled in. */
export type VideoChoice = {
  duration: string;
  aspectRatio: string;
  resolution: string;
  audio: boolean;
};

/** The seconds a duration value stands for: fal writes them `"8s"` or `"8"`. */
export function durationSeconds(duration: string): number | undefined {
  const match = /^(\d{1,3})s?$/.exec(duration);
  const seconds = Number(match?.[1]);
  return match && seconds > 0 ? seconds : undefined;
}

/** What a run gets for every field the caller left out: the first (cheapest) value, no audio. */
export function defaultVideoChoice(options: VideoOptions): VideoChoice {
  return {
    duration: options.durations[0],
    aspectRatio: options.aspectRatios[0],
    resolution: options.resolutions[0],
    audio: false,
  };
}

/** This variant's per-second rate over the base variant's (the first resolution, silent). */
export function rateMultiplier(options: VideoOptions, resolution: string, audio: boolean) {
  const base = options.secondRates[options.resolutions[0]]?.silent;
  const rate = Object.hasOwn(options.secondRates, resolution)
    ? options.secondRates[resolution]
    : undefined;
  const perSecond = audio ? rate?.withAudio : rate?.silent;
  return base !== undefined && base > 0 && perSecond !== undefined && perSecond > 0
    ? perSecond / base
    : undefined;
}

/**
 * Why these options cannot be priced, or undefined when every offered variant can: each
 * duration reads as whole seconds, each resolution has a rate, with audio too when offered
 * (or, `audioFixedOn`, when the entry fixes `generate_audio` on).
 */
export function videoOptionsProblem(options: VideoOptions, audioFixedOn = false) {
  const badDuration = options.durations.find((value) => durationSeconds(value) === undefined);
  if (badDuration !== undefined) return `the duration "${badDuration}" is not whole seconds`;
  const audioChoices = audioFixedOn ? [true] : options.audio ? [false, true] : [false];
  for (const resolution of options.resolutions) {
    for (const audio of audioChoices) {
      if (rateMultiplier(options, resolution, audio) === undefined) {
        return `no per-second rate for ${resolution}${audio ? " with audio" : ""}`;
      }
    }
  }
  return undefined;
}

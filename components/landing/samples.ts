/** The landing page's sample pictures: offline, committed in public/samples/. */
export type Sample = { src: string; alt: string };

export const textToImageSamples: readonly (Sample & { prompt: string })[] = [
  {
    src: "/samples/lighthouse-at-dawn.svg",
    prompt: "A lighthouse on a cliff at dawn",
    alt: "A red and white lighthouse on a dark cliff, its beam crossing a pink dawn sky above a calm sea.",
  },
  {
    src: "/samples/balloons-over-hills.svg",
    prompt: "Hot-air balloons over green hills",
    alt: "Red, blue and green hot-air balloons drifting over rolling green hills under a pale sky.",
  },
];

export const editSample = {
  before: {
    src: "/samples/cabin-by-a-lake.svg",
    alt: "A wooden cabin by a blue lake on a sunny day, with pine trees and snow-capped mountains behind.",
  },
  change: "Make it a snowy night",
  after: {
    src: "/samples/cabin-on-a-snowy-night.svg",
    alt: "The same cabin at night: snow on the ground and roof, a full moon, stars, and a warm light in the window.",
  },
} satisfies { before: Sample; change: string; after: Sample };

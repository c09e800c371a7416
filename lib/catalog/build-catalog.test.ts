import { describe, expect, it } from "vitest";
import { buildCatalog, type CatalogEntry, type CatalogSource } from "./build-catalog";
import type { ModelPrice } from "./model-definition";
import type { VideoOptions } from "./video-options";

const price = (unitPriceUsd: number): ModelPrice => ({
  unitPriceUsd,
  unit: "image",
  currency: "USD",
  readOn: "2026-11-27",
});
const fixed = { sync_mode: false };
const text: CatalogEntry = {
  id: "acme/text",
  name: "Text",
  description: "Draws from words.",
  kind: "text-to-image",
  billedPer: "megapixel",
  fixed,
};
const edit: CatalogEntry = { ...text, id: "acme/edit", name: "Edit", kind: "image-edit" };
const redraw: CatalogEntry = { ...text, id: "acme/redraw", name: "Redraw", kind: "image-to-image" };
const strength = { min: 0.1, max: 0.9, default: 0.5, step: 0.1 };
const video: VideoOptions = {
  durations: ["5", "10"],
  aspectRatios: ["16:9"],
  resolutions: ["480p", "720p"],
  audio: true,
  secondRates: { "480p": { silent: 0.1, withAudio: 0.2 }, "720p": { silent: 0.2, withAudio: 0.3 } },
};
const clip: CatalogEntry = {
  id: "acme/clip",
  name: "Clip",
  description: "Moves.",
  kind: "text-to-video",
  billedPer: "second",
  fixed,
  video,
};
const source = (entries: CatalogEntry[]): CatalogSource => ({
  shared: { maxImages: 3, maxPromptLength: 500 },
  byKind: {
    "text-to-image": { defaultImageSize: "portrait_4_3" },
    "image-edit": {},
    "image-to-image": { strength },
    "text-to-video": {},
    "image-to-video": {},
  },
  entries,
  prices: {
    "acme/text": price(0.01),
    "acme/edit": price(0.02),
    "acme/redraw": price(0.03),
    "acme/clip": price(0.1),
  },
});

describe("buildCatalog", () => {
  it("gives a text-to-image model its kind's size preset", () => {
    expect(buildCatalog(source([text]))).toEqual([
      {
        ...text,
        page: "https://fal.ai/models/acme/text",
        price: price(0.01),
        maxImages: 3,
        maxPromptLength: 500,
        defaultImageSize: "portrait_4_3",
      },
    ]);
  });

  it("gives an image model no size preset: its output follows its input image", () => {
    for (const entry of [edit, redraw]) {
      const [model] = buildCatalog(source([entry]));
      expect(model).toBeDefined();
      expect(model && "defaultImageSize" in model, entry.kind).toBe(false);
    }
  });

  it("gives only image-to-image a strength, its kind's", () => {
    const [textModel, editModel, redrawModel] = buildCatalog(source([text, edit, redraw]));
    expect(redrawModel).toMatchObject({ kind: "image-to-image", strength });
    expect(textModel && "strength" in textModel).toBe(false);
    expect(editModel && "strength" in editModel).toBe(false);
  });

  it("applies the shared defaults to every kind", () => {
    for (const model of buildCatalog(source([text, edit, redraw]))) {
      expect(model, model.kind).toMatchObject({ maxImages: 3, maxPromptLength: 500 });
    }
  });

  it("gives a video model its own choices and the shared prompt length, and no image count", () => {
    const [model] = buildCatalog(source([clip]));
    expect(model).toEqual({
      ...clip,
      page: "https://fal.ai/models/acme/clip",
      price: price(0.1),
      maxPromptLength: 500,
    });
  });

  it("stops on a video model with a variant it cannot price, naming it and the variant", () => {
    const priced = (options: Partial<VideoOptions>) =>
      buildCatalog(source([{ ...clip, video: { ...video, ...options } }]));
    expect(() => priced({ resolutions: ["480p", "1080p"] })).toThrow(
      "acme/clip cannot be priced: no per-second rate for 1080p (lib/catalog/models.ts).",
    );
    expect(() =>
      priced({ secondRates: { "480p": { silent: 0.1 }, "720p": { silent: 0.2, withAudio: 0.3 } } }),
    ).toThrow("acme/clip cannot be priced: no per-second rate for 480p with audio");
    expect(() => priced({ durations: ["5", "long"] })).toThrow(
      'acme/clip cannot be priced: the duration "long" is not whole seconds',
    );
    // Without audio on offer, a silent rate is enough...
    expect(() =>
      priced({ audio: false, secondRates: { "480p": { silent: 0.1 }, "720p": { silent: 0.2 } } }),
    ).not.toThrow();
    // ...unless the entry fixes audio on, which fal then bills.
    expect(() =>
      buildCatalog(
        source([
          {
            ...clip,
            fixed: { generate_audio: true },
            video: {
              ...video,
              audio: false,
              secondRates: { "480p": { silent: 0.1 }, "720p": { silent: 0.2 } },
            },
          },
        ]),
      ),
    ).toThrow("no per-second rate for 480p with audio");
  });

  it("keeps what an entry sets over the shared and its kind's defaults", () => {
    const ownStrength = { min: 0.2, max: 1, default: 0.7, step: 0.05 };
    const [textModel, redrawModel] = buildCatalog(
      source([
        { ...text, maxImages: 1, maxPromptLength: 80, defaultImageSize: "square" },
        { ...redraw, kind: "image-to-image", strength: ownStrength },
      ]),
    );
    expect(textModel).toMatchObject({
      maxImages: 1,
      maxPromptLength: 80,
      defaultImageSize: "square",
    });
    expect(redrawModel).toMatchObject({ maxImages: 3, strength: ownStrength });
  });

  it("looks each price up by the entry's id, and makes its fal page from it", () => {
    const catalog = buildCatalog(source([redraw, text]));
    expect(catalog.map((model) => [model.id, model.price.unitPriceUsd, model.page])).toEqual([
      ["acme/redraw", 0.03, "https://fal.ai/models/acme/redraw"],
      ["acme/text", 0.01, "https://fal.ai/models/acme/text"],
    ]);
  });

  it("stops on a model without a price, or with a placeholder of 0, naming it and what to do", () => {
    const unpriced = { ...text, id: "acme/unpriced" };
    expect(() => buildCatalog(source([text, unpriced]))).toThrow(
      "acme/unpriced has no price in lib/catalog/prices.json: add it there, then run `npm run prices` to read fal's.",
    );
    const free = source([text]);
    expect(() => buildCatalog({ ...free, prices: { "acme/text": price(0) } })).toThrow(
      "acme/text has a price of 0 in lib/catalog/prices.json: run `npm run prices` to read fal's.",
    );
    // An id that is also a key of every object is still not a price.
    expect(() => buildCatalog(source([{ ...text, id: "constructor" }]))).toThrow(
      /^constructor has no price/,
    );
  });

  it("lets an entry write only what its kind uses, and never what follows from its id", () => {
    // These are for `tsc --noEmit`: it fails if any of them compiles.
    const refused: CatalogEntry[] = [
      // @ts-expect-error an image model's output follows its input image: it has no size preset
      { ...edit, kind: "image-edit", defaultImageSize: "square" },
      // @ts-expect-error only image-to-image takes a strength
      { ...text, kind: "text-to-image", strength },
      // @ts-expect-error the price is looked up by id
      { ...text, kind: "text-to-image", price: price(1) },
      // @ts-expect-error the page follows from the id
      { ...redraw, kind: "image-to-image", page: "https://fal.ai/models/acme/elsewhere" },
      // @ts-expect-error a video model makes one video: it takes no image count
      { ...clip, kind: "text-to-video", maxImages: 2 },
      // @ts-expect-error a video model is billed per second, and says what it offers
      { ...clip, kind: "image-to-video", billedPer: "megapixel" },
      // @ts-expect-error an image model has no video choices
      { ...text, kind: "text-to-image", video },
    ];
    expect(refused).toHaveLength(7);
  });
});

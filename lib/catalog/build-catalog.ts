import type {
  CatalogModel,
  KindFields,
  ModelKind,
  ModelOfKind,
  ModelPrice,
} from "./model-definition";
import { videoOptionsProblem } from "./video-options";

/**
 * What the entries may leave to the shared defaults: every model's prompt length, and every
 * image model's image count (a video model makes one video and takes no `num_images`).
 */
export type SharedDefaults = { maxPromptLength: number; maxImages: number };

/** Per kind, the fields that kind adds, which its entries may leave to these. */
export type KindDefaults = { [K in ModelKind]: KindFields[K] };

/**
 * What an entry in models.ts writes: its id once (the page and the price follow from it), and
 * only the fields its kind uses, each default optional. TypeScript refuses a field the kind
 * ignores, such as a size preset on an image model or an image count on a video model.
 */
export type CatalogEntry = {
  [K in ModelKind]: Omit<
    ModelOfKind<K>,
    "page" | "price" | keyof SharedDefaults | keyof KindFields[K]
  > &
    Partial<Pick<ModelOfKind<K>, Extract<keyof SharedDefaults, keyof ModelOfKind<K>>>> &
    Partial<KindFields[K]>;
}[ModelKind];

type PriceTable = Readonly<Record<string, ModelPrice>>;

export type CatalogSource = {
  shared: SharedDefaults;
  byKind: KindDefaults;
  entries: readonly CatalogEntry[];
  prices: PriceTable;
};

function withDefaults(entry: CatalogEntry, source: CatalogSource, price: ModelPrice) {
  const { maxImages, maxPromptLength } = source.shared;
  const base = { maxPromptLength, page: `https://fal.ai/models/${entry.id}`, price };
  const image = { ...base, maxImages };
  // One case per kind, so TypeScript checks each kind's defaults against its fields.
  switch (entry.kind) {
    case "text-to-image":
      return { ...image, ...source.byKind[entry.kind], ...entry };
    case "image-edit":
      return { ...image, ...source.byKind[entry.kind], ...entry };
    case "image-to-image":
      return { ...image, ...source.byKind[entry.kind], ...entry };
    case "text-to-video":
      return { ...base, ...source.byKind[entry.kind], ...entry };
    case "image-to-video":
      return { ...base, ...source.byKind[entry.kind], ...entry };
  }
}

function priceOf(entry: CatalogEntry, prices: PriceTable): ModelPrice {
  // Own keys only: an id such as "constructor" must not find Object's.
  const price = Object.hasOwn(prices, entry.id) ? prices[entry.id] : undefined;
  if (!price) {
    throw new Error(
      `${entry.id} has no price in lib/catalog/prices.json: add it there, then run \`npm run prices\` to read fal's.`,
    );
  }
  // A placeholder left in the table would make the model's runs free to every budget.
  if (!(price.unitPriceUsd > 0)) {
    throw new Error(
      `${entry.id} has a price of ${price.unitPriceUsd} in lib/catalog/prices.json: run \`npm run prices\` to read fal's.`,
    );
  }
  return price;
}

/**
 * The catalog as the app reads it: each entry with the shared and its kind's defaults under
 * what it sets itself, its fal page, and its price looked up by id. Runs when models.ts is
 * first imported (by `next build` and at start), so a model without a price (or with a
 * placeholder of 0), or a video variant without a rate, stops the app there, naming it,
 * rather than being charged nothing.
 */
export function buildCatalog(source: CatalogSource): CatalogModel[] {
  return source.entries.map((entry): CatalogModel => {
    const price = priceOf(entry, source.prices);
    if (entry.billedPer === "second") {
      const problem = videoOptionsProblem(entry.video, entry.fixed.generate_audio === true);
      if (problem)
        throw new Error(`${entry.id} cannot be priced: ${problem} (lib/catalog/models.ts).`);
    }
    return withDefaults(entry, source, price);
  });
}

import type {
  KindFields,
  ModelDefinition,
  ModelKind,
  ModelOfKind,
  ModelPrice,
} from "./model-definition";

/** The fields every model has that an entry may leave to the shared defaults. */
export type SharedDefaults = Pick<ModelDefinition, "maxImages" | "maxPromptLength">;

/** Per kind, the fields that kind adds, which its entries may leave to these. */
export type KindDefaults = { [K in ModelKind]: KindFields[K] };

/**
 * What an entry in models.ts writes: its id once (the page and the price follow from it), and
 * only the fields its kind uses, each default optional. TypeScript refuses a field the kind
 * ignores, such as a size preset on an image model.
 */
export type CatalogEntry = {
  [K in ModelKind]: Omit<
    ModelOfKind<K>,
    "page" | "price" | keyof SharedDefaults | keyof KindFields[K]
  > &
    Partial<SharedDefaults & KindFields[K]>;
}[ModelKind];

type PriceTable = Readonly<Record<string, ModelPrice>>;

export type CatalogSource = {
  shared: SharedDefaults;
  byKind: KindDefaults;
  entries: readonly CatalogEntry[];
  prices: PriceTable;
};

function withDefaults(entry: CatalogEntry, source: CatalogSource, price: ModelPrice) {
  const base = { ...source.shared, page: `https://fal.ai/models/${entry.id}`, price };
  // One case per kind, so TypeScript checks each kind's defaults against its fields.
  switch (entry.kind) {
    case "text-to-image":
      return { ...base, ...source.byKind[entry.kind], ...entry };
    case "image-edit":
      return { ...base, ...source.byKind[entry.kind], ...entry };
    case "image-to-image":
      return { ...base, ...source.byKind[entry.kind], ...entry };
  }
}

/**
 * The catalog as the app reads it: each entry with the shared and its kind's defaults under
 * what it sets itself, its fal page, and its price looked up by id. Runs when models.ts is
 * first imported (by `next build` and at start), so a model without a price (or with a
 * placeholder of 0) stops the app there, naming it, rather than being charged nothing.
 */
export function buildCatalog(source: CatalogSource): ModelDefinition[] {
  return source.entries.map((entry): ModelDefinition => {
    // Own keys only: an id such as "constructor" must not find Object's.
    const price = Object.hasOwn(source.prices, entry.id) ? source.prices[entry.id] : undefined;
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
    return withDefaults(entry, source, price);
  });
}

/**
 * Merges fal's answer into the price table, refusing what needs a human: a model fal did
 * not price, a price in another currency, a changed billing unit.
 */

import type { PriceEntry, PriceTable } from "./price-table";
import type { FalPrice } from "./pricing-api";

export type PriceChange = { endpointId: string; before: PriceEntry; after: PriceEntry };

/** Every reason the refresh refused, so one run lists them all. */
export class PriceRefusal extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the price table was not updated:\n- ${problems.join("\n- ")}`);
    this.name = "PriceRefusal";
  }
}

function answeredPrices(prices: readonly FalPrice[], problems: string[]) {
  const byId = new Map<string, FalPrice>();
  for (const price of prices) {
    const seen = byId.get(price.endpoint_id);
    if (seen && JSON.stringify(seen) !== JSON.stringify(price)) {
      problems.push(`fal priced ${price.endpoint_id} twice, differently`);
    }
    byId.set(price.endpoint_id, price);
  }
  return byId;
}

export function applyPrices(
  table: PriceTable,
  prices: readonly FalPrice[],
  today: string,
): { table: PriceTable; changes: PriceChange[] } {
  const problems: string[] = [];
  const byId = answeredPrices(prices, problems);
  const changes: PriceChange[] = [];
  for (const [endpointId, before] of Object.entries(table)) {
    const price = byId.get(endpointId);
    if (!price) {
      problems.push(`fal's answer has no price for ${endpointId} (renamed, retired or misspelt?)`);
      continue;
    }
    if (price.currency !== "USD") {
      problems.push(`${endpointId} is priced in ${price.currency}; the catalog counts US dollars`);
    }
    if (price.unit !== before.unit) {
      problems.push(
        `${endpointId} is now billed per "${price.unit}", not per "${before.unit}": the cost ` +
          "estimate depends on the unit, so update it and prices.json by hand",
      );
    }
    const after: PriceEntry = {
      unitPriceUsd: price.unit_price,
      unit: price.unit,
      currency: "USD",
      readOn: today,
    };
    changes.push({ endpointId, before, after });
  }
  if (problems.length > 0) throw new PriceRefusal(problems);
  return {
    table: Object.fromEntries(changes.map((change) => [change.endpointId, change.after])),
    changes,
  };
}

const priceText = (entry: PriceEntry) => `$${entry.unitPriceUsd} / ${entry.unit}`;

function verdict({ before, after }: PriceChange): string {
  if (before.unitPriceUsd === after.unitPriceUsd) return "unchanged";
  if (before.unitPriceUsd === 0) return "changed";
  const percent = ((after.unitPriceUsd - before.unitPriceUsd) / before.unitPriceUsd) * 100;
  return `changed (${percent > 0 ? "+" : ""}${percent.toFixed(1)}%)`;
}

/** One line per model: old price (and when it was read) → new price. */
export function formatChanges(changes: readonly PriceChange[]): string {
  const rows = [
    ["model", "old", "new", ""],
    ...changes.map((change) => [
      change.endpointId,
      `${priceText(change.before)} (${change.before.readOn})`,
      `${priceText(change.after)} (${change.after.readOn})`,
      verdict(change),
    ]),
  ];
  const widths = [0, 1, 2].map((column) =>
    Math.max(...rows.map((row) => row[column]?.length ?? 0)),
  );
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("   ")
        .trimEnd(),
    )
    .join("\n");
}

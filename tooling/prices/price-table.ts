/**
 * lib/catalog/prices.json as the price refresh reads and writes it: one entry per catalog
 * endpoint, written back in a fixed layout so a diff shows only what fal changed.
 */
import { z } from "zod";

/** `owner/alias[/path…]`, as fal names endpoints; also what may go unencoded in a query. */
export const endpointIdPattern = /^[A-Za-z0-9_][A-Za-z0-9._-]*(\/[A-Za-z0-9_][A-Za-z0-9._-]*)+$/;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

// Strict: a field added to the file by hand must not silently disappear on the next refresh.
const entrySchema = z.strictObject({
  unitPriceUsd: z.number().nonnegative(),
  unit: z.string().min(1),
  currency: z.literal("USD"),
  readOn: z.string().regex(isoDate, "must be a date written YYYY-MM-DD"),
});

const tableSchema = z.record(z.string(), entrySchema).superRefine((table, ctx) => {
  const ids = Object.keys(table);
  if (ids.length === 0)
    ctx.addIssue({ code: "custom", message: "must price at least one endpoint" });
  for (const id of ids.filter((key) => !endpointIdPattern.test(key))) {
    ctx.addIssue({ code: "custom", message: `"${id}" is not a fal endpoint id`, path: [id] });
  }
});

export type PriceEntry = z.infer<typeof entrySchema>;
export type PriceTable = Record<string, PriceEntry>;

export function parsePriceTable(text: string, file: string): PriceTable {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = tableSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${file} is not a price table:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** The file's layout: entries in the table's order, fields in a fixed order, 2-space indent. */
export function serialisePriceTable(table: PriceTable): string {
  const ordered = Object.fromEntries(
    Object.entries(table).map(([id, entry]) => [
      id,
      {
        unitPriceUsd: entry.unitPriceUsd,
        unit: entry.unit,
        currency: entry.currency,
        readOn: entry.readOn,
      },
    ]),
  );
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** The UTC date, as `readOn` records it. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * One price refresh: read the table, ask fal (or the emulator) for every endpoint in one
 * request, check the answer, and only then replace the file.
 */
import { readFile, rename, writeFile } from "node:fs/promises";
import { parsePriceTable, serialisePriceTable } from "./price-table";
import { applyPrices, type PriceChange } from "./price-update";
import { type FalPrice, parsePricingAnswer, pricingUrl } from "./pricing-api";

export type RefreshOptions = {
  /** The price table to update, e.g. lib/catalog/prices.json. */
  file: string;
  falKey: string;
  /** Ask the local emulator instead of fal. */
  emulatorUrl?: URL;
  /** `readOn` for every entry: the UTC date, YYYY-MM-DD. */
  today: string;
  timeoutMs?: number;
};

export async function refreshPrices(options: RefreshOptions): Promise<PriceChange[]> {
  const before = parsePriceTable(await readFile(options.file, "utf8"), options.file);
  const url = pricingUrl(Object.keys(before), options.emulatorUrl);
  const prices = await requestPrices(url, options.falKey, options.timeoutMs ?? 30_000);
  const { table, changes } = applyPrices(before, prices, options.today);
  await replaceFile(options.file, serialisePriceTable(table));
  return changes;
}

async function requestPrices(url: URL, falKey: string, timeoutMs: number): Promise<FalPrice[]> {
  const where = `the pricing endpoint at ${url.origin}${url.pathname}`;
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { authorization: `Key ${falKey}`, accept: "application/json" },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = (error as Error).cause ?? error;
    throw new Error(`could not reach ${where}: ${(cause as Error).message ?? String(cause)}`);
  }
  const text = await res.text();
  if (!res.ok) {
    const hint = res.status === 401 || res.status === 403 ? " (is the fal key right?)" : "";
    throw new Error(`${where} answered ${res.status}${hint}: ${text.slice(0, 300)}`);
  }
  try {
    return parsePricingAnswer(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError) throw new Error(`${where} did not answer JSON`);
    throw error;
  }
}

/** Write beside the file, then rename: an interrupted run leaves the old table whole. */
async function replaceFile(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content, "utf8");
  await rename(temporary, file);
}

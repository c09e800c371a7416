import { describe, expect, it } from "vitest";
import type { PriceTable } from "./price-table";
import { applyPrices, formatChanges, PriceRefusal } from "./price-update";
import type { FalPrice } from "./pricing-api";

const table: PriceTable = {
  "fal-ai/flux/schnell": {
    unitPriceUsd: 0.003,
    unit: "image",
    currency: "USD",
    readOn: "2026-11-27",
  },
  "fal-ai/flux/dev": { unitPriceUsd: 0.02, unit: "image", currency: "USD", readOn: "2026-11-27" },
};
const fal = (endpoint_id: string, unit_price: number, more: Partial<FalPrice> = {}): FalPrice => ({
  endpoint_id,
  unit_price,
  unit: "image",
  currency: "USD",
  ...more,
});
const answer = [fal("fal-ai/flux/dev", 0.025), fal("fal-ai/flux/schnell", 0.003)];

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof PriceRefusal) return error.problems;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("applyPrices", () => {
  it("takes fal's price and today's date for every entry, in the table's order", () => {
    const { table: next, changes } = applyPrices(table, answer, "2026-12-01");
    expect(next).toEqual({
      "fal-ai/flux/schnell": {
        unitPriceUsd: 0.003,
        unit: "image",
        currency: "USD",
        readOn: "2026-12-01",
      },
      "fal-ai/flux/dev": {
        unitPriceUsd: 0.025,
        unit: "image",
        currency: "USD",
        readOn: "2026-12-01",
      },
    });
    expect(Object.keys(next)).toEqual(["fal-ai/flux/schnell", "fal-ai/flux/dev"]);
    expect(changes.map((c) => [c.endpointId, c.before.unitPriceUsd, c.after.unitPriceUsd])).toEqual(
      [
        ["fal-ai/flux/schnell", 0.003, 0.003],
        ["fal-ai/flux/dev", 0.02, 0.025],
      ],
    );
  });

  it("leaves the table it was given alone", () => {
    const copy = structuredClone(table);
    applyPrices(table, answer, "2026-12-01");
    expect(table).toEqual(copy);
  });

  it("ignores prices for models the catalog does not list", () => {
    const { table: next } = applyPrices(
      table,
      [...answer, fal("fal-ai/flux-pro/kontext", 0.04)],
      "2026-12-01",
    );
    expect(Object.keys(next)).toEqual(["fal-ai/flux/schnell", "fal-ai/flux/dev"]);
  });

  it("refuses when a catalog model is missing from fal's answer", () => {
    expect(
      problemsOf(() => applyPrices(table, [fal("fal-ai/flux/dev", 0.025)], "2026-12-01")),
    ).toEqual([
      "fal's answer has no price for fal-ai/flux/schnell (renamed, retired or misspelt?)",
    ]);
  });

  it("refuses a price in another currency", () => {
    const eur = [fal("fal-ai/flux/dev", 0.025, { currency: "EUR" }), answer[1] as FalPrice];
    expect(problemsOf(() => applyPrices(table, eur, "2026-12-01"))).toEqual([
      "fal-ai/flux/dev is priced in EUR; the catalog counts US dollars",
    ]);
  });

  it("refuses a changed billing unit, which the cost estimate depends on", () => {
    const perMegapixel = [
      answer[0] as FalPrice,
      fal("fal-ai/flux/schnell", 0.003, { unit: "megapixel" }),
    ];
    expect(problemsOf(() => applyPrices(table, perMegapixel, "2026-12-01"))).toEqual([
      expect.stringMatching(
        /^fal-ai\/flux\/schnell is now billed per "megapixel", not per "image"/,
      ),
    ]);
  });

  it("refuses a model fal priced twice, differently", () => {
    const twice = [...answer, fal("fal-ai/flux/dev", 0.03)];
    expect(problemsOf(() => applyPrices(table, twice, "2026-12-01"))).toEqual([
      "fal priced fal-ai/flux/dev twice, differently",
    ]);
    expect(() =>
      applyPrices(table, [...answer, fal("fal-ai/flux/dev", 0.025)], "2026-12-01"),
    ).not.toThrow();
  });

  it("lists every problem in one refusal", () => {
    const dev = fal("fal-ai/flux/dev", 0.025, { currency: "EUR", unit: "megapixel" });
    const run = () => applyPrices(table, [dev], "2026-12-01");
    expect(problemsOf(run)).toHaveLength(3);
    expect(run).toThrow(
      /^the price table was not updated:\n- .*no price for fal-ai\/flux\/schnell.*\n- .*EUR.*\n- .*megapixel/,
    );
  });
});

describe("formatChanges", () => {
  it("prints one aligned line per model: old → new, and whether it changed", () => {
    const { changes } = applyPrices(table, answer, "2026-12-01");
    expect(formatChanges(changes)).toBe(
      [
        "model                 old                           new",
        "fal-ai/flux/schnell   $0.003 / image (2026-11-27)   $0.003 / image (2026-12-01)   unchanged",
        "fal-ai/flux/dev       $0.02 / image (2026-11-27)    $0.025 / image (2026-12-01)   changed (+25.0%)",
      ].join("\n"),
    );
  });

  it("shows a price cut as a negative change", () => {
    const { changes } = applyPrices(
      table,
      [fal("fal-ai/flux/dev", 0.01), answer[1] as FalPrice],
      "d",
    );
    expect(formatChanges(changes)).toContain("changed (-50.0%)");
  });
});

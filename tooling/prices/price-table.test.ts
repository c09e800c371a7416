import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parsePriceTable, serialisePriceTable, utcDate } from "./price-table";

const trackedFile = fileURLToPath(new URL("../../lib/catalog/prices.json", import.meta.url));
const entry = { unitPriceUsd: 0.025, unit: "image", currency: "USD", readOn: "2026-11-27" };

describe("parsePriceTable and serialisePriceTable", () => {
  it("write the tracked prices.json back byte for byte", () => {
    const text = readFileSync(trackedFile, "utf8");
    expect(serialisePriceTable(parsePriceTable(text, "prices.json"))).toBe(text);
  });

  it("keep the table's entry order, put fields in a fixed order and end with a newline", () => {
    const text = JSON.stringify({
      "b/second": { readOn: "2026-01-02", currency: "USD", unit: "image", unitPriceUsd: 0.5 },
      "a/first": entry,
    });
    expect(serialisePriceTable(parsePriceTable(text, "f.json"))).toBe(
      [
        "{",
        '  "b/second": {',
        '    "unitPriceUsd": 0.5,',
        '    "unit": "image",',
        '    "currency": "USD",',
        '    "readOn": "2026-01-02"',
        "  },",
        '  "a/first": {',
        '    "unitPriceUsd": 0.025,',
        '    "unit": "image",',
        '    "currency": "USD",',
        '    "readOn": "2026-11-27"',
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("names the file that is not JSON", () => {
    expect(() => parsePriceTable("{ oops", "lib/catalog/prices.json")).toThrow(
      /^lib\/catalog\/prices\.json is not valid JSON/,
    );
  });

  it.each([
    ["an empty table", {}, "at least one endpoint"],
    ["a field added by hand", { "a/b": { ...entry, note: "x" } }, "note"],
    ["another currency", { "a/b": { ...entry, currency: "EUR" } }, "currency"],
    ["a negative price", { "a/b": { ...entry, unitPriceUsd: -1 } }, "unitPriceUsd"],
    ["a price as text", { "a/b": { ...entry, unitPriceUsd: "0.02" } }, "unitPriceUsd"],
    ["a date in another format", { "a/b": { ...entry, readOn: "27/11/2026" } }, "YYYY-MM-DD"],
    ["a key that is no endpoint id", { flux: entry }, "fal endpoint id"],
    ["a key with a query in it", { "a/b&x=1": entry }, "fal endpoint id"],
  ])("refuses %s, saying what is wrong", (_, table, problem) => {
    expect(() => parsePriceTable(JSON.stringify(table), "f.json")).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(
          new RegExp(`^f\\.json is not a price table:[\\s\\S]*${problem}`),
        ),
      }),
    );
  });
});

describe("utcDate", () => {
  it("gives the UTC date, whatever the local time zone says", () => {
    expect(utcDate(new Date("2026-11-27T23:30:00-05:00"))).toBe("2026-11-28");
    expect(utcDate(new Date("2026-01-01T00:00:00Z"))).toBe("2026-01-01");
  });
});

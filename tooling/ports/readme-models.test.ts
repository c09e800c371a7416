/**
 * The README's model list is the catalog's: every model, its fal id, its unit price and the day
 * it was read, so a model added, dropped or repriced takes the README along or this fails.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { makesVideo } from "@/lib/catalog/model-definition";
import { catalog } from "@/lib/catalog/models";
import { formatUsd, microUsdPerUsd } from "@/lib/catalog/money";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const rows = readme.split("\n").filter((line) => line.startsWith("| "));

describe("README.md's model list", () => {
  it.each(catalog.map((model) => [model.name, model] as const))("names %s", (_, model) => {
    const row = rows.find((line) => line.includes(`(\`${model.id}\`)`));
    expect(row, `no row for ${model.id}`).toBeDefined();
    expect(row).toContain(`| ${model.name} (`);
    expect(row).toContain(`| ${model.price.readOn} |`);
    // A video's row gives each variant's rate; another entry's prices say "as" the one it shares.
    if (!makesVideo(model) || !row?.includes("| as ")) {
      expect(row).toContain(`${formatUsd(model.price.unitPriceUsd * microUsdPerUsd)} `);
    }
  });

  it("lists no model the catalog does not have", () => {
    const ids = rows.flatMap((line) => /^\| [^|]+ \(`([^`]+)`\) \|/.exec(line)?.[1] ?? []);
    expect(ids.sort()).toEqual(catalog.map((model) => model.id).sort());
  });
});

/**
 * The price refresh end to end against the real emulator, in-process, on a temporary copy
 * of lib/catalog/prices.json (the tracked file is only read).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emulatorForFile, testFalKey } from "@/tooling/emulator/testing";
import { refreshPrices } from "./refresh-prices";

const emu = emulatorForFile();
const trackedFile = fileURLToPath(new URL("../../lib/catalog/prices.json", import.meta.url));

let dir: string;
let file: string;
let tracked: string;

/** The tracked table with an older reading of FLUX.1 [dev], so the refresh has work to do. */
async function writeStaleCopy(
  edit: (table: Record<string, Record<string, unknown>>) => void = () => {},
) {
  const table = JSON.parse(tracked) as Record<string, Record<string, unknown>>;
  table["fal-ai/flux/dev"] = {
    ...table["fal-ai/flux/dev"],
    unitPriceUsd: 0.02,
    readOn: "2026-01-15",
  };
  edit(table);
  const text = `${JSON.stringify(table, null, 2)}\n`;
  await writeFile(file, text);
  return text;
}

const refresh = (falKey = testFalKey) =>
  refreshPrices({ file, falKey, emulatorUrl: new URL(emu.url), today: "2026-12-01" });

beforeEach(async () => {
  tracked = await readFile(trackedFile, "utf8");
  dir = await mkdtemp(join(tmpdir(), "prices-"));
  file = join(dir, "prices.json");
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  expect(await readFile(trackedFile, "utf8")).toBe(tracked);
});

describe("refreshPrices against the emulator", () => {
  it("rewrites the copy with the emulator's prices and today's date, and reports each model", async () => {
    await writeStaleCopy();
    const changes = await refresh();
    expect(changes.map((c) => [c.endpointId, c.before.unitPriceUsd, c.after.unitPriceUsd])).toEqual(
      [
        ["fal-ai/flux/schnell", 0.003, 0.003],
        ["fal-ai/flux/dev", 0.02, 0.025],
        ["fal-ai/flux-2", 0.012, 0.012],
        ["fal-ai/flux-pro/kontext", 0.04, 0.04],
        ["fal-ai/flux/dev/image-to-image", 0.03, 0.03],
        ["fal-ai/veo3.1/lite", 0.03, 0.03],
        ["fal-ai/veo3.1", 0.2, 0.2],
        ["fal-ai/veo3.1/lite/image-to-video", 0.03, 0.03],
      ],
    );
    expect(await readFile(file, "utf8")).toBe(
      [
        "{",
        '  "fal-ai/flux/schnell": {',
        '    "unitPriceUsd": 0.003,',
        '    "unit": "image",',
        '    "currency": "USD",',
        '    "readOn": "2026-12-01"',
        "  },",
        '  "fal-ai/flux/dev": {',
        '    "unitPriceUsd": 0.025,',
        '    "unit": "image",',
        '    "currency": "USD",',
        '    "readOn": "2026-12-01"',
        "  },",
        '  "fal-ai/flux-2": {',
        '    "unitPriceUsd": 0.012,',
        '    "unit": "image",',
        '    "currency": "USD",',
        '    "readOn": "2026-12-01"',
        "  },",
        '  "fal-ai/flux-pro/kontext": {',
        '    "unitPriceUsd": 0.04,',
        '    "unit": "image",',
        '    "currency": "USD",',
        '    "readOn": "2026-12-01"',
        "  },",
        '  "fal-ai/flux/dev/image-to-image": {',
        '    "unitPriceUsd": 0.03,',
        '    "unit": "image",',
        '    "currency": "USD",',
        '    "readOn": "2026-12-01"',
        "  },",
        '  "fal-ai/veo3.1/lite": {',
        '    "unitPriceUsd": 0.03,',
        '    "unit": "video_second",',
        '    "currency": "USD",',
        '    "readOn": "2026-12-01"',
        "  },",
        '  "fal-ai/veo3.1": {',
        '    "unitPriceUsd": 0.2,',
        '    "unit": "video_second",',
        '    "currency": "USD",',
        '    "readOn": "2026-12-01"',
        "  },",
        '  "fal-ai/veo3.1/lite/image-to-video": {',
        '    "unitPriceUsd": 0.03,',
        '    "unit": "video_second",',
        '    "currency": "USD",',
        '    "readOn": "2026-12-01"',
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("leaves the file untouched when the pricing endpoint fails", async () => {
    const before = await writeStaleCopy();
    await emu.control("faults", { on: "pricing", status: 503 });
    await expect(refresh()).rejects.toThrow(
      /pricing endpoint at .*\/api\.fal\.ai\/v1\/models\/pricing answered 503/,
    );
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("leaves the file untouched when the connection drops", async () => {
    const before = await writeStaleCopy();
    await emu.control("faults", { on: "pricing", drop: true });
    await expect(refresh()).rejects.toThrow(/could not reach the pricing endpoint/);
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("leaves the file untouched when the key is refused", async () => {
    const before = await writeStaleCopy();
    await expect(refresh("wrong-key")).rejects.toThrow(/answered 401 \(is the fal key right\?\)/);
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("leaves the file untouched when a catalog model is missing from the answer", async () => {
    const before = await writeStaleCopy((table) => {
      table["acme/unpriced"] = {
        unitPriceUsd: 1,
        unit: "image",
        currency: "USD",
        readOn: "2026-01-15",
      };
    });
    await expect(refresh()).rejects.toThrow("fal's answer has no price for acme/unpriced");
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("leaves the file untouched when fal's billing unit differs from the recorded one", async () => {
    const before = await writeStaleCopy((table) => {
      table["fal-ai/flux/schnell"] = { ...table["fal-ai/flux/schnell"], unit: "megapixel" };
    });
    await expect(refresh()).rejects.toThrow(
      /fal-ai\/flux\/schnell is now billed per "image", not per "megapixel"/,
    );
    expect(await readFile(file, "utf8")).toBe(before);
  });
});

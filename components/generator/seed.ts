import { maxSeed } from "@/lib/catalog/model-input";

/** Empty means "let fal pick". */
export function parseSeed(raw: string): { seed?: number; error?: string } {
  const text = raw.trim();
  if (text === "") return {};
  const seed = Number(text);
  if (!/^\d+$/.test(text) || seed > maxSeed) {
    return { error: `Use a whole number from 0 to ${maxSeed}, or leave it empty.` };
  }
  return { seed };
}

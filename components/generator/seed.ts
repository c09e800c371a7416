/** fal seeds are unsigned 32-bit integers; empty means "let fal pick". */
const maxSeed = 2 ** 32 - 1;

export function parseSeed(raw: string): { seed?: number; error?: string } {
  const text = raw.trim();
  if (text === "") return {};
  const seed = Number(text);
  if (!/^\d+$/.test(text) || seed > maxSeed) {
    return { error: `Use a whole number from 0 to ${maxSeed}, or leave it empty.` };
  }
  return { seed };
}

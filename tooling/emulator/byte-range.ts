/**
 * One byte range of a file, as a browser's media element asks for it (`Range: bytes=0-`,
 * `bytes=1000-1999`, `bytes=-500`): without ranges, Chromium plays a clip but cannot seek it.
 * Several ranges at once are answered whole, as HTTP allows.
 */
export type ByteRange = { start: number; end: number } | "unsatisfiable" | undefined;

export function byteRange(header: string | undefined, size: number): ByteRange {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return undefined;
  const start = first === "" ? Math.max(0, size - Number(last)) : Number(first);
  const end = first === "" || last === "" ? size - 1 : Math.min(size - 1, Number(last));
  return start > end || start >= size ? "unsatisfiable" : { start, end };
}

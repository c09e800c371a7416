import { describe, expect, it } from "vitest";
import { byteRange } from "./byte-range";

describe("byteRange", () => {
  it.each([
    ["bytes=0-", { start: 0, end: 99 }],
    ["bytes=10-19", { start: 10, end: 19 }],
    ["bytes=90-500", { start: 90, end: 99 }],
    ["bytes=-30", { start: 70, end: 99 }],
    ["bytes=-500", { start: 0, end: 99 }],
  ])("reads %s of a 100-byte file", (header, range) => {
    expect(byteRange(header, 100)).toEqual(range);
  });

  it("answers a range past the end as unsatisfiable, and anything else whole", () => {
    expect(byteRange("bytes=100-", 100)).toBe("unsatisfiable");
    expect(byteRange("bytes=20-10", 100)).toBe("unsatisfiable");
    for (const header of [undefined, "bytes=-", "bytes=0-1,5-6", "items=0-1", "bytes=a-b"]) {
      expect(byteRange(header, 100), header).toBeUndefined();
    }
  });
});

import { describe, expect, it } from "vitest";
import { parseSeed } from "./seed";

describe("parseSeed", () => {
  it("leaves the seed out when the field is empty", () => {
    expect(parseSeed("")).toEqual({});
    expect(parseSeed("   ")).toEqual({});
  });

  it("accepts whole numbers from 0 to 2^32 - 1", () => {
    expect(parseSeed("0")).toEqual({ seed: 0 });
    expect(parseSeed(" 42 ")).toEqual({ seed: 42 });
    expect(parseSeed("4294967295")).toEqual({ seed: 4294967295 });
  });

  it("explains what it accepts otherwise", () => {
    for (const raw of ["-1", "1.5", "1e3", "abc", "4294967296"]) {
      expect(parseSeed(raw).error, raw).toMatch(/whole number from 0 to 4294967295/);
    }
  });
});

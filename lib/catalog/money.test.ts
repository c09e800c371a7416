import { describe, expect, it } from "vitest";
import { formatMoneyLeft, formatUsd } from "./money";

describe("formatUsd", () => {
  it.each([
    [0, "$0.00"],
    [1_000_000, "$1.00"],
    [10_000_000, "$10.00"],
    [40_000, "$0.04"],
    [120_000, "$0.12"],
    [2_500_000, "$2.50"],
  ])("shows %i µ$ with cents: %s", (microUsd, expected) => {
    expect(formatUsd(microUsd)).toBe(expected);
  });

  it.each([
    [3_000, "$0.003"],
    [25_000, "$0.025"],
    [1, "$0.000001"],
    [1_234_567, "$1.234567"],
  ])("shows the digits a price needs, down to the micro-dollar: %i µ$ is %s", (microUsd, text) => {
    expect(formatUsd(microUsd)).toBe(text);
  });

  it("groups thousands, so a large budget stays readable", () => {
    expect(formatUsd(1_250_000_000)).toBe("$1,250.00");
  });

  it("prints sums of prices exactly, without floating-point noise", () => {
    // 0.1 + 0.2 in dollars would print as 0.30000000000000004.
    expect(formatUsd(100_000 + 200_000)).toBe("$0.30");
    expect(formatUsd(3 * 3_000)).toBe("$0.009");
  });
});

describe("formatMoneyLeft", () => {
  it.each([
    [0, "$0.00"],
    [1, "less than 1¢"],
    [3_000, "less than 1¢"],
    [9_999, "less than 1¢"],
    [10_000, "$0.01"],
    [25_000, "$0.02"],
    [975_000, "$0.97"],
    [999_999, "$0.99"],
    [1_000_000, "$1.00"],
    [1_250_000_000, "$1,250.00"],
  ])("shows %i µ$ left as %s: cents, rounded down", (microUsd, text) => {
    expect(formatMoneyLeft(microUsd)).toBe(text);
  });
});

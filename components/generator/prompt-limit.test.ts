import { describe, expect, it } from "vitest";
import { promptLength, promptProblem } from "./prompt-limit";

describe("the prompt against its limit", () => {
  it("counts the prompt, and how much is over once it passes the limit", () => {
    expect(promptLength("a".repeat(1_999), 2_000)).toEqual({
      over: 0,
      counter: "1,999 / 2,000 characters",
    });
    expect(promptLength("a".repeat(2_000), 2_000).over).toBe(0);
    expect(promptLength("a".repeat(2_200), 2_000)).toEqual({
      over: 200,
      counter: "2,200 / 2,000 characters, 200 over the limit",
    });
  });

  it("says what keeps a prompt from being sent: blank, or how much too long", () => {
    expect(promptProblem("  \n", 2_000)).toBe("Enter a prompt.");
    expect(promptProblem("a lighthouse", 2_000)).toBeUndefined();
    expect(promptProblem("a".repeat(2_000), 2_000)).toBeUndefined();
    expect(promptProblem("a".repeat(2_001), 2_000)).toBe(
      "The prompt is 1 character too long (at most 2,000): shorten it to generate.",
    );
    expect(promptProblem("a".repeat(2_200), 2_000)).toBe(
      "The prompt is 200 characters too long (at most 2,000): shorten it to generate.",
    );
  });
});

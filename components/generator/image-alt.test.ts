import { describe, expect, it } from "vitest";
import { altPromptLength, imageAlt } from "./image-alt";

describe("imageAlt", () => {
  it("is the prompt itself for a single image with a short prompt", () => {
    expect(imageAlt("A lighthouse at dawn", 0, 1)).toBe("A lighthouse at dawn");
  });

  it("says which image of the set it is", () => {
    expect(imageAlt("A lighthouse at dawn", 1, 2)).toBe("A lighthouse at dawn, image 2 of 2");
  });

  it("cuts a long prompt at a word, with an ellipsis", () => {
    const prompt = `${"A very long prompt about a lighthouse ".repeat(130)}end`.slice(0, 5_000);
    const alt = imageAlt(prompt, 0, 2);
    const [text] = alt.split(", image ");
    expect(text?.length).toBeLessThanOrEqual(altPromptLength + 1);
    expect(text).toMatch(/^A very long prompt about a lighthouse .*\w…$/);
    expect(prompt.startsWith(text?.slice(0, -1) ?? "x")).toBe(true);
    expect(alt).toMatch(/, image 1 of 2$/);
  });

  it("cuts inside a word when the prompt has no space to cut at", () => {
    expect(imageAlt("x".repeat(300), 0, 1)).toBe(`${"x".repeat(altPromptLength)}…`);
  });

  it("folds line breaks and runs of spaces", () => {
    expect(imageAlt("  A cat\n\non a   mat ", 0, 1)).toBe("A cat on a mat");
  });
});

import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Fails unless the focused element shows a focus indicator: an outline (the app's
 * `:focus-visible` style) or a ring (a box shadow). Names the element when it does not.
 */
export async function expectVisibleFocus(page: Page) {
  const focus = await page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { element: "<body>", indicator: "none" };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0;
    const name = element.getAttribute("aria-label") ?? element.textContent?.trim().slice(0, 40);
    return {
      element: `<${element.tagName.toLowerCase()}> ${name ?? ""}`,
      indicator: outline ? "outline" : style.boxShadow !== "none" ? "ring" : "none",
    };
  });
  expect(focus.indicator, `focus indicator of ${focus.element}`).not.toBe("none");
}

/**
 * Presses Tab until `target` has focus, as a keyboard user would, checking that every element
 * passed on the way shows where focus is; fails if `target` is not reached in `maxPresses`.
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 40) {
  for (let presses = 0; presses < maxPresses; presses++) {
    await page.keyboard.press("Tab");
    await expectVisibleFocus(page);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab did not reach ${target} in ${maxPresses} presses`);
}

import { expect, test } from "./support/fixtures";
import { expectVisibleFocus, tabTo } from "./support/keyboard";

test("the whole flow works by keyboard alone, with focus always visible", async ({
  page,
  generator,
}) => {
  const prompt = "A lighthouse on a cliff at dawn, by keyboard";
  await generator.goto();

  await tabTo(page, generator.prompt);
  await page.keyboard.type(prompt);
  await tabTo(page, generator.generateButton);
  await page.keyboard.press("Enter");

  await expect(generator.image(prompt)).toBeVisible();
  await tabTo(page, generator.previewButton(prompt));
  await tabTo(page, page.getByRole("button", { name: "Download" }));

  // Back up the page with Shift+Tab: the way back shows focus too.
  await page.keyboard.press("Shift+Tab");
  await expectVisibleFocus(page);
});

test("from the top of the page, the skip link puts focus in the prompt in one step", async ({
  page,
  generator,
}) => {
  await generator.goto();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(generator.prompt).toBeFocused();
  await page.keyboard.type("Typed straight after the skip");
  await expect(generator.prompt).toHaveValue("Typed straight after the skip");
});

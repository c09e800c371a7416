import { storageStatePath } from "../tooling/testing/e2e-env";
import { expect, test } from "./support/fixtures";
import { tabTo } from "./support/keyboard";

const menuButton = "Account menu for Demo User";

test("the account menu opens by keyboard and Escape closes it, focus back on its button", async ({
  page,
  generator,
}) => {
  await generator.goto();
  const button = page.getByLabel(menuButton);
  const signOut = page.getByRole("button", { name: "Sign out" });

  await tabTo(page, button);
  await page.keyboard.press("Enter");
  await expect(signOut).toBeVisible();
  await tabTo(page, signOut, 3);

  await page.keyboard.press("Escape");
  await expect(signOut).toBeHidden();
  await expect(button).toBeFocused();
});

test("a click outside the account menu closes it, a click inside does not", async ({
  page,
  generator,
}) => {
  await generator.goto();
  const signOut = page.getByRole("button", { name: "Sign out" });
  await page.getByLabel(menuButton).click();
  await expect(signOut).toBeVisible();

  await page.getByText("demo@example.com").click();
  await expect(signOut).toBeVisible();

  await page.getByRole("heading", { name: "Generate images" }).click();
  await expect(signOut).toBeHidden();
});

test("a tap outside the account menu closes it", async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, storageState: storageStatePath });
  const page = await context.newPage();
  await page.goto("/");
  const signOut = page.getByRole("button", { name: "Sign out" });
  await page.getByLabel(menuButton).tap();
  await expect(signOut).toBeVisible();

  await page.getByRole("main").tap({ position: { x: 10, y: 10 } });
  await expect(signOut).toBeHidden();
  await context.close();
});

test("Tab past the last item closes the account menu", async ({ page, generator }) => {
  await generator.goto();
  const signOut = page.getByRole("button", { name: "Sign out" });
  await page.getByLabel(menuButton).click();
  await signOut.focus();
  await page.keyboard.press("Tab");
  await expect(signOut).toBeHidden();
});

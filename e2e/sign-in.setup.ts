import { expect, test as setup } from "@playwright/test";
import { storageStatePath } from "../tooling/testing/e2e-env";

setup("signs in through the local OpenID Connect provider", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Sign in to start" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  // A real authorization-code flow: the app redirects to the provider, which redirects back.
  await page.getByRole("button", { name: "Sign in with Demo account (local)" }).click();
  await expect(page.getByRole("heading", { name: "Generate images" })).toBeVisible();
  await page.getByLabel("Account menu for Demo User").click();
  await expect(page.getByText("demo@example.com")).toBeVisible();

  await page.context().storageState({ path: storageStatePath });
});

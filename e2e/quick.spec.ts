import { targetUrlHeader } from "../lib/fal/proxy-contract";
import { appUrl } from "../tooling/testing/e2e-env";
import { falUrls } from "../tooling/testing/fal-urls";
import { isProxiedSubmit } from "../tooling/testing/proxy-calls";
import { sessionCookie } from "../tooling/testing/sessions";
import { expectNoAxeViolations } from "./support/axe";
import { emulator } from "./support/emulator";
import { expect, test } from "./support/fixtures";

// /quick: one catalog model through the proxy with the plain fal client, as a learner reads it.
const prompt = "A lighthouse on a cliff at dawn";

test("makes one image through the proxy, saying where it is on the way", async ({ page }) => {
  await emulator.setTiming({ queueMs: 1_000, runMs: 2_000 });
  // Loaded on its own: after the generator, the page would find fal's client configured already.
  await page.goto("/quick");
  await expect(page.getByRole("heading", { name: "One image, one call" })).toBeVisible();
  await expectNoAxeViolations(page, "quick: empty");

  const submitted = page.waitForResponse(isProxiedSubmit);
  await page.getByLabel("Prompt", { exact: true }).fill(prompt);
  await page.getByRole("button", { name: "Generate", exact: true }).click();
  const submit = await submitted;
  expect(submit.status()).toBe(200);
  // FLUX.1 [schnell], the catalog's first model, named to the proxy, which adds the key.
  expect(submit.request().headers()[targetUrlHeader]).toBe(falUrls.submit("fal-ai/flux/schnell"));

  const status = page.getByRole("main").getByRole("status");
  await expect(status).toHaveText(/^In queue, position \d+$/);
  await expect(status).toHaveText(/^Generating…/);
  const image = page.getByRole("img", { name: prompt, exact: true });
  await expect(image).toBeVisible();
  await expect
    .poll(() =>
      image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth),
    )
    .toBeGreaterThan(0);
  await expect(status).toHaveText("Done.");
  await expectNoAxeViolations(page, "quick: result");
});

test("a prompt the proxy refuses is answered in words, with no image", async ({ page }) => {
  await page.goto("/quick");
  const submitted = page.waitForResponse(isProxiedSubmit);
  // Spaces pass the field's `required`; the proxy's input policy trims and refuses them.
  await page.getByLabel("Prompt", { exact: true }).fill("   ");
  await page.getByRole("button", { name: "Generate", exact: true }).click();
  expect((await submitted).status()).toBe(400);

  await expect(page.getByRole("main").getByRole("status")).toHaveText("prompt must not be empty.");
  await expect(page.getByRole("main").getByRole("img")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Generate", exact: true })).toBeEnabled();
  await expectNoAxeViolations(page, "quick: refused");
});

test("the generator's footer leads here, and this page leads back", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "One image, one call" }).click();
  await expect(page.getByRole("heading", { name: "One image, one call" })).toBeVisible();
  await page.getByRole("link", { name: /the full generator$/ }).click();
  await expect(page.getByRole("heading", { name: "Generate images" })).toBeVisible();
});

test.describe("without access", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a signed-out visitor is sent to sign in", async ({ page }) => {
    await page.goto("/quick");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });

  test("an account off the allow-list sees the not-allowed page, not the form", async ({
    page,
    context,
  }) => {
    const stranger = { email: "stranger@example.org", name: "Stranger" };
    await context.addCookies([{ ...(await sessionCookie(stranger)), url: appUrl }]);
    await page.goto("/quick");
    await expect(
      page.getByRole("heading", { name: "This account is not allowed here" }),
    ).toBeVisible();
    await expect(page.getByLabel("Prompt", { exact: true })).toHaveCount(0);
  });
});

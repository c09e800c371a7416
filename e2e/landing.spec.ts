import { expect, type Response, test } from "@playwright/test";
import { site } from "../lib/site";

test.use({ storageState: { cookies: [], origins: [] } });

test("a visitor reads what they can do, sees sample pictures, and finds the way in", async ({
  page,
}) => {
  await page.goto("/");
  // The tab and the page name the app (lib/site.ts), not the starter it was made from.
  await expect(page).toHaveTitle(site.name);
  await expect(page.getByRole("banner").getByRole("link", { name: site.name })).toBeVisible();
  // The sample pictures are drawings, and say so: no claim that a model made them.
  await expect(page.getByRole("region", { name: "Ideas to start from" })).toContainText(
    "Drawn by hand",
  );
  for (const heading of [
    "Describe an image",
    "Edit a photo with words",
    "Make a short video",
    "Keep your history",
  ]) {
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
  }

  const samples = page.getByRole("main").getByRole("img");
  await expect(samples).toHaveCount(4);
  for (const sample of await samples.all()) {
    expect((await sample.getAttribute("alt"))?.length).toBeGreaterThan(20);
    await sample.scrollIntoViewIfNeeded();
    await expect
      .poll(() =>
        sample.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth),
      )
      .toBeGreaterThan(0);
  }

  await page.getByRole("link", { name: "Sign in to start" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page).toHaveTitle(`Sign in · ${site.name}`);
});

test("the app's icon is served, and nothing the landing page asks for is missing", async ({
  page,
}) => {
  const failed: string[] = [];
  page.on("response", (response: Response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto("/");
  await page.getByRole("main").getByRole("img").last().scrollIntoViewIfNeeded();

  const favicon = await page.request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toBe("image/x-icon");

  const icons = await page
    .locator('link[rel="icon"], link[rel="apple-touch-icon"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  expect(icons.length).toBeGreaterThanOrEqual(2);
  for (const href of icons) {
    const icon = await page.request.get(href);
    expect(icon.status(), href).toBe(200);
    expect(icon.headers()["content-type"], href).toMatch(/^image\//);
  }
  expect(failed).toEqual([]);
});

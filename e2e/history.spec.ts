import type { Page } from "@playwright/test";
import { appUrl } from "../tooling/testing/e2e-env";
import { freshTestUser, sessionCookie } from "../tooling/testing/sessions";
import { emulator } from "./support/emulator";
import { expect, test } from "./support/fixtures";
import type { GeneratorPage } from "./support/pages/generator-page";
import { historyPage } from "./support/pages/history-page";

test.beforeEach(async () => {
  await emulator.setTiming({ queueMs: 0, runMs: 0 });
});

/** Generates and waits until the generation is in History: what this spec's steps build on. */
async function generateKept(generator: GeneratorPage, prompt: string) {
  await generator.generate(prompt);
  await expect(historyPage(generator.page).entry(prompt)).toBeVisible();
}

/** Whether every image the entry shows has loaded from its URL. */
async function expectImagesLoaded(page: Page, prompt: string) {
  const images = historyPage(page).entry(prompt).getByRole("img");
  await expect(images.first()).toBeVisible();
  for (const image of await images.all()) {
    await expect
      .poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth))
      .toBeGreaterThan(0);
  }
}

async function signOut(page: Page) {
  await page.getByLabel(/^Account menu for /).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveCount(0);
}

/** The real authorization-code flow through the local provider, as the demo user. */
async function signInAsDemoUser(page: Page) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Demo account (local)" }).click();
  await expect(page.getByRole("heading", { name: "Generate images" })).toBeVisible();
}

test("finished generations are kept after a reload, newest first; a deleted one stays gone", async ({
  page,
  generator,
}) => {
  const history = historyPage(page);
  await generator.goto();
  await expect(history.emptyState).toBeVisible();

  await generateKept(generator, "A red fox in fresh snow");
  await generateKept(generator, "A lighthouse at dusk");
  await page.reload();

  await expect.poll(history.prompts).toEqual(["A lighthouse at dusk", "A red fox in fresh snow"]);
  await expectImagesLoaded(page, "A red fox in fresh snow");
  const fox = history.entry("A red fox in fresh snow");
  await expect(fox).toContainText("FLUX.1 [schnell]");
  await expect(fox).toContainText("Landscape 4:3 (1024 × 768)");

  await history.deleteButton("A lighthouse at dusk").click();
  await expect(history.entry("A lighthouse at dusk")).toHaveCount(0);
  // Focus moves to the entry that took the deleted one's place, not to <body>.
  await expect(fox.getByRole("heading")).toBeFocused();

  await page.reload();
  await expect.poll(history.prompts).toEqual(["A red fox in fresh snow"]);
});

test("Clear history asks first; confirmed, it deletes every entry, also after a reload", async ({
  page,
  generator,
}) => {
  const history = historyPage(page);
  await generator.goto();
  await generateKept(generator, "A first kept image");
  await generateKept(generator, "A second kept image");

  await history.clearButton.click();
  await expect(history.confirmDialog).toContainText("all 2 entries");
  await expect(history.confirmDialog.getByRole("button", { name: "Keep history" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(history.confirmDialog).toBeHidden();
  await expect(history.entries).toHaveCount(2);

  await history.clearButton.click();
  await history.confirmDialog.getByRole("button", { name: "Delete all" }).click();
  await expect(history.emptyState).toBeVisible();
  await expect(history.heading).toBeFocused();

  await page.reload();
  await expect(history.emptyState).toBeVisible();
  await expect(history.entries).toHaveCount(0);
});

test("history survives signing out and in again; another user on the same browser sees none of it", async ({
  page,
  context,
  generator,
}) => {
  const history = historyPage(page);
  await generator.goto();
  await generateKept(generator, "The demo user's harbour");

  await signOut(page);
  await signInAsDemoUser(page);
  await expect.poll(history.prompts).toEqual(["The demo user's harbour"]);

  // Someone else signs in on the same browser profile: same origin, same IndexedDB.
  await signOut(page);
  const other = freshTestUser("history-other");
  await context.addCookies([{ ...(await sessionCookie(other)), url: appUrl, httpOnly: true }]);
  await generator.goto();
  await expect(history.emptyState).toBeVisible();
  await expect(history.entries).toHaveCount(0);
  await generateKept(generator, "The other user's meadow");

  await context.clearCookies();
  await signInAsDemoUser(page);
  await expect.poll(history.prompts).toEqual(["The demo user's harbour"]);
});

test("Same settings again puts the entry's settings in the form and starts nothing", async ({
  page,
  generator,
}) => {
  const history = historyPage(page);
  const size = page.getByLabel("Image size");
  const count = page.getByLabel("Number of images");
  const seed = page.getByLabel("Seed (optional)");
  const model = page.getByLabel("Model", { exact: true });
  await generator.goto();
  await generator.prompt.fill("A kite over the dunes");
  await generator.chooseModel("FLUX.1 [dev]");
  await size.selectOption("square");
  await count.selectOption("2");
  await seed.fill("42");
  await generator.generateButton.click();
  await expect(history.entry("A kite over the dunes")).toBeVisible();
  await expectImagesLoaded(page, "A kite over the dunes");

  await page.reload();
  await generator.prompt.fill("Something else entirely");
  await generator.chooseModel("FLUX.1 [schnell]");
  await size.selectOption("landscape_16_9");
  await count.selectOption("1");
  await seed.fill("");
  const runsBefore = await emulator.modelRuns();

  await history.reuseButton("A kite over the dunes").click();

  await expect(generator.prompt).toHaveValue("A kite over the dunes");
  await expect(model).toHaveValue("fal-ai/flux/dev");
  await expect(size).toHaveValue("square");
  await expect(count).toHaveValue("2");
  await expect(seed).toHaveValue("42");
  await expect(generator.prompt).toBeFocused();
  await expect(generator.generateButton).toHaveText("Generate");
  expect(await emulator.modelRuns()).toBe(runsBefore);
  await expect(history.entries).toHaveCount(1);
});

test("an image fal no longer serves shows a placeholder, not a broken image", async ({
  page,
  generator,
}) => {
  const history = historyPage(page);
  await generator.goto();
  await generateKept(generator, "A sandcastle before the tide");
  const entry = history.entry("A sandcastle before the tide");
  const url = await entry.getByRole("img", { name: "Image 1 of 1" }).getAttribute("src");
  expect(url).toBeTruthy();

  // fal's media URLs expire on fal's schedule: from now on this one answers 404, as the
  // emulator does for a file it does not have.
  await page.route(url ?? "", (route) =>
    route.fulfill({
      status: 404,
      contentType: "application/json",
      body: JSON.stringify({ detail: "File not found" }),
    }),
  );
  await page.reload();

  await expect(entry.getByText("Image no longer available at fal")).toBeVisible();
  await expect(
    entry.getByRole("img", { name: "Image 1 of 1: image no longer available at fal" }),
  ).toBeVisible();
  await expect(entry.locator("img")).toHaveCount(0);
  await expect(entry).toContainText("A sandcastle before the tide");
});

test("without IndexedDB the generator still works, and History says it cannot keep anything", async ({
  page,
  generator,
}) => {
  // As in a private mode that offers no IndexedDB.
  await page.addInitScript(() => {
    Object.defineProperty(window, "indexedDB", { value: undefined });
  });
  const history = historyPage(page);
  await generator.goto();
  await expect(history.unavailable).toBeVisible();

  await generator.generate("A generation nobody keeps");
  await expect(generator.image("A generation nobody keeps")).toBeVisible();
  await expect(history.entries).toHaveCount(0);
  await expect(history.unavailable).toBeVisible();
});

import type { Browser, Page } from "@playwright/test";
import { runsPath } from "../lib/stores/run-view";
import { appUrl } from "../tooling/testing/e2e-env";
import { falUrls } from "../tooling/testing/fal-urls";
import { callProxy, isProxiedSubmit } from "../tooling/testing/proxy-calls";
import {
  apiSignedInAs,
  freshTestUser,
  sessionCookie,
  type TestUser,
} from "../tooling/testing/sessions";
import { emulator } from "./support/emulator";
import { expect, test } from "./support/fixtures";
import { generatorPage } from "./support/pages/generator-page";
import { historyPage } from "./support/pages/history-page";

// The history is the server's, shared by every tab of a user: each test signs in users of
// its own, so what other specs ran never shows in its lists.
test.beforeEach(async () => {
  await emulator.setTiming({ queueMs: 0, runMs: 0 });
});

/** A new browser context (another device, as far as the app can tell) signed in as `user`. */
async function signedIn(browser: Browser, user: TestUser) {
  const context = await browser.newContext({ baseURL: appUrl });
  await context.addCookies([{ ...(await sessionCookie(user)), url: appUrl, httpOnly: true }]);
  const page = await context.newPage();
  return { context, page, generator: generatorPage(page), history: historyPage(page) };
}

/** Whether every image the run's card shows has loaded from its URL. */
async function expectImagesLoaded(page: Page, prompt: string) {
  const images = historyPage(page).entry(prompt).getByRole("img");
  await expect(images.first()).toBeVisible();
  for (const image of await images.all()) {
    await expect
      .poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth))
      .toBeGreaterThan(0);
  }
}

/**
 * Generates from the page and waits for its result. The page shows the run as its result, not
 * in History as well: History lists it after the next run or a reload.
 */
async function generateKept(tab: Awaited<ReturnType<typeof signedIn>>, prompt: string) {
  await tab.generator.generate(prompt);
  const image = tab.generator.result.getByRole("img", { name: prompt }).first();
  await expect
    .poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth))
    .toBeGreaterThan(0);
}

test("a run started in a tab closed at once is found, finishes and shows its images in a new browser context of the same user", async ({
  browser,
}) => {
  await emulator.setTiming({ queueMs: 4_000, runMs: 500 });
  const user = freshTestUser("history-owner");
  const first = await signedIn(browser, user);
  await first.generator.goto();
  const submitted = first.page.waitForResponse(isProxiedSubmit);
  await first.generator.generate("A tab closed at once");
  const { request_id: requestId } = (await (await submitted).json()) as { request_id: string };
  await first.context.close();
  const runs = await emulator.modelRuns();

  const second = await signedIn(browser, user);
  await second.generator.goto();
  await expect(second.history.stillRunning("A tab closed at once")).toBeVisible();
  await expectImagesLoaded(second.page, "A tab closed at once");
  await expect(second.history.stillRunning("A tab closed at once")).toHaveCount(0);
  expect(await emulator.modelRuns()).toBe(runs); // waited on, not submitted again
  expect((await emulator.request(requestId)).status).toBe("COMPLETED");

  // The output is on the server now: a reload shows it straight away, with its settings.
  await second.page.reload();
  const card = second.history.entry("A tab closed at once");
  await expect(card).toContainText("FLUX.1 [schnell]");
  await expect(card).toContainText("Landscape 4:3 (1024 × 768)");
  await expectImagesLoaded(second.page, "A tab closed at once");
  await second.context.close();
});

test("another user sees none of a user's runs and cannot reach or delete one", async ({
  browser,
}) => {
  const owner = freshTestUser("history-owner");
  const ownerApi = await apiSignedInAs(owner);
  const submit = await callProxy(ownerApi, { data: { prompt: "The owner's harbour" } });
  const { request_id: requestId } = (await submit.json()) as { request_id: string };
  await ownerApi.dispose();

  const other = await signedIn(browser, freshTestUser("history-other"));
  await other.generator.goto();
  await expect(other.history.emptyState).toBeVisible();
  await expect(other.history.entries).toHaveCount(0);
  const api = other.context.request;
  expect(await (await api.get(runsPath)).json()).toEqual({ runs: [] });
  expect((await api.delete(`${runsPath}/${requestId}`)).status()).toBe(404);
  const status = await callProxy(api, { method: "GET", target: falUrls.status(requestId) });
  expect(status.status()).toBe(404);
  await other.context.close();

  // The owner's page, which has never seen the run, waits on it and shows its image.
  const mine = await signedIn(browser, owner);
  await mine.generator.goto();
  await expectImagesLoaded(mine.page, "The owner's harbour");
  await mine.context.close();
});

test("delete removes a run on the server: gone after a reload, and in the user's other context", async ({
  browser,
}) => {
  const user = freshTestUser("history-delete");
  const tab = await signedIn(browser, user);
  await tab.generator.goto();
  await expect(tab.history.emptyState).toBeVisible();
  await generateKept(tab, "A red fox in fresh snow");
  await generateKept(tab, "A lighthouse at dusk");
  await expect.poll(tab.history.prompts).toEqual(["A red fox in fresh snow"]);
  await tab.page.reload();
  await expect
    .poll(tab.history.prompts)
    .toEqual(["A lighthouse at dusk", "A red fox in fresh snow"]);

  const elsewhere = await signedIn(browser, user);
  await elsewhere.generator.goto();
  await expect
    .poll(elsewhere.history.prompts)
    .toEqual(["A lighthouse at dusk", "A red fox in fresh snow"]);

  await tab.history.deleteButton("A lighthouse at dusk").click();
  await expect(tab.history.entry("A lighthouse at dusk")).toHaveCount(0);
  // Focus moves to the run that took the deleted one's place, not to <body>.
  await expect(tab.history.entry("A red fox in fresh snow").getByRole("heading")).toBeFocused();

  await tab.page.reload();
  await expect.poll(tab.history.prompts).toEqual(["A red fox in fresh snow"]);
  await elsewhere.page.reload();
  await expect.poll(elsewhere.history.prompts).toEqual(["A red fox in fresh snow"]);
  await tab.context.close();
  await elsewhere.context.close();
});

test("Same settings again puts the run's settings in the form and starts nothing", async ({
  browser,
}) => {
  const tab = await signedIn(browser, freshTestUser("history-reuse"));
  const { page, generator, history } = tab;
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
  await expect(generator.result.getByRole("img", { name: "A kite over the dunes" })).toHaveCount(2);

  await page.reload();
  await expectImagesLoaded(page, "A kite over the dunes");
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
  await tab.context.close();
});

test("an image fal no longer serves shows a placeholder that says so, not a broken image", async ({
  browser,
}) => {
  const tab = await signedIn(browser, freshTestUser("history-expired"));
  await tab.generator.goto();
  await generateKept(tab, "A sandcastle before the tide");
  await tab.page.reload();
  const entry = tab.history.entry("A sandcastle before the tide");
  const url = await entry.getByRole("img", { name: "Output image" }).getAttribute("src");
  expect(url).toBeTruthy();

  // fal's media URLs expire on fal's schedule: from now on this one answers 404, as the
  // emulator does for a file it does not have.
  await tab.page.route(url ?? "", (route) =>
    route.fulfill({
      status: 404,
      contentType: "application/json",
      body: JSON.stringify({ detail: "File not found" }),
    }),
  );
  await tab.page.reload();

  await expect(entry.getByText("Image no longer available at fal")).toBeVisible();
  await expect(
    entry.getByRole("img", { name: "Output image: image no longer available at fal" }),
  ).toBeVisible();
  await expect(entry.locator("img")).toHaveCount(0);
  await expect(entry).toContainText("A sandcastle before the tide");
  await tab.context.close();
});

test("a video run shows its video, which plays", async ({ browser }) => {
  const user = freshTestUser("history-video");
  const api = await apiSignedInAs(user);
  const submit = await callProxy(api, {
    target: falUrls.submit("fal-ai/veo3.1/lite"),
    data: { prompt: "A paper boat on a stream", duration: "4s", resolution: "720p" },
  });
  expect(submit.status(), await submit.text()).toBe(200);
  await api.dispose();

  const tab = await signedIn(browser, user);
  await tab.generator.goto();
  const entry = tab.history.entry("A paper boat on a stream");
  await expect(entry).toContainText("Veo 3.1 Lite");
  const video = entry.getByLabel("Video: A paper boat on a stream");
  await expect(video).toBeVisible();
  await expect
    .poll(() => video.evaluate((element: HTMLVideoElement) => element.readyState))
    .toBeGreaterThanOrEqual(1);
  expect(await video.evaluate((element: HTMLVideoElement) => element.duration)).toBeGreaterThan(0);
  await tab.context.close();
});

test("a run still in fal's queue is cancelled from another tab's history, and its charge comes back", async ({
  browser,
}) => {
  await emulator.setTiming({ queueMs: 120_000 });
  const user = freshTestUser("history-cancel");
  const tab = await signedIn(browser, user);
  await tab.generator.goto();
  const before = await tab.generator.budget.textContent();

  const api = await apiSignedInAs(user);
  const submit = await callProxy(api, {
    target: falUrls.submit("fal-ai/flux/dev"),
    data: { prompt: "A run left waiting in the queue" },
  });
  expect(submit.status(), await submit.text()).toBe(200);
  await api.dispose();

  await tab.page.reload();
  const card = tab.history.entry("A run left waiting in the queue");
  await expect(card).toContainText("Still running at fal…");
  await expect(tab.generator.budget).not.toHaveText(before ?? "");
  await card.getByRole("button", { name: "Cancel: A run left waiting in the queue" }).click();
  await expect(card).toContainText("Cancelled.");
  await expect(card).toContainText("Charged: nothing (given back)");
  await expect(tab.generator.budget).toHaveText(before ?? "");
  await tab.context.close();
});

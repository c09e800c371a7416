import { pendingKey } from "../components/generator/pending-generation";
import { isProxiedSubmit, submitThroughProxy } from "../tooling/testing/proxy-calls";
import { apiSignedInAs, freshTestUser } from "../tooling/testing/sessions";
import { emulator } from "./support/emulator";
import { expect, test } from "./support/fixtures";

// A small phone: the form fills the screen, so whatever Generate brings is below the fold
// unless the page brings it into view.
test.use({ viewport: { width: 360, height: 740 } });

test("after Generate, the progress and then the result come into view and take focus", async ({
  generator,
}) => {
  await emulator.setTiming({ queueMs: 1_000, runMs: 1_500 });
  await generator.goto();
  await generator.generateFromPrompt("A lighthouse on a cliff at dawn, seen from a phone");

  await expect(generator.progress).toBeFocused();
  await expect(generator.progress).toBeInViewport();
  await expect(generator.result).toBeFocused();
  await expect(generator.result).toBeInViewport();
  await expect(generator.image("A lighthouse on a cliff at dawn")).toBeInViewport();
});

test("with a fault upstream, the error comes into view and takes focus; Try again moves focus on", async ({
  generator,
}) => {
  await emulator.armFault({ on: "submit", status: 500 });
  await emulator.setTiming({ queueMs: 1_000, runMs: 1_000 });
  await generator.goto();
  await generator.generateFromPrompt("A request fal will fail once, on a phone");

  await expect(generator.alert).toBeFocused();
  await expect(generator.alert).toBeInViewport();
  await expect(generator.alert).toContainText("The model could not finish this run.");

  await generator.tryAgainButton.click();
  await expect(generator.progress).toBeFocused();
  await expect(generator.result).toBeFocused();
  await expect(generator.result).toBeInViewport();
});

test("Generate (the button) moves focus to the progress; Cancel, by keyboard, back to the prompt", async ({
  generator,
}) => {
  await emulator.setTiming({ queueMs: 120_000 });
  await generator.goto();
  await generator.generate("A generation cancelled on a phone");
  await expect(generator.progress).toBeFocused(); // the Generate button, now disabled, let it go
  await expect(generator.status).toHaveText(/In queue/);

  await generator.cancelButton.focus();
  await generator.page.keyboard.press("Enter");
  await expect(generator.status).toHaveText("Generation cancelled.");
  await expect(generator.prompt).toBeFocused();
  await expect(generator.prompt).toBeInViewport();
});

test("a reload during a generation waits on the same request and ends with its image", async ({
  page,
  generator,
}) => {
  await emulator.setTiming({ queueMs: 3_000, runMs: 2_000 });
  const submitted = page.waitForResponse(isProxiedSubmit);
  await generator.goto();
  await page.getByLabel("Seed (optional)").fill("7");
  await generator.generate("A lighthouse that survives a reload");
  const { request_id: requestId } = (await (await submitted).json()) as { request_id: string };
  await expect(generator.status).toHaveText(/In queue/);
  const runs = await emulator.modelRuns();

  await page.reload();
  // The form shows what the resumed request asked for, and the wait goes on.
  await expect(generator.prompt).toHaveValue("A lighthouse that survives a reload");
  await expect(page.getByLabel("Seed (optional)")).toHaveValue("7");
  await expect(generator.progress).toBeFocused();
  await expect(generator.image("A lighthouse that survives a reload")).toBeVisible();
  await expect(generator.result).toBeFocused();
  await expect(generator.result).toContainText("seed 7");

  expect(await emulator.modelRuns()).toBe(runs); // waited on, not submitted again
  expect((await emulator.request(requestId)).status).toBe("COMPLETED");
  expect(await page.evaluate((key) => sessionStorage.getItem(key), pendingKey)).toBeNull();
});

test("another user's request id in storage is refused by the proxy and dropped quietly", async ({
  page,
  generator,
}) => {
  // A real request, still queued, of another user: the proxy answers 404 to anyone else.
  await emulator.setTiming({ queueMs: 60_000 });
  const other = await apiSignedInAs(freshTestUser("resume-owner"));
  const requestId = await submitThroughProxy(other);
  await other.dispose();
  const notOurs = {
    requestId,
    modelId: "fal-ai/flux/schnell",
    request: { prompt: "Someone else's request", imageSize: "square", numImages: 1 },
    startedAt: Date.now(),
  };
  // Stored before the page's own scripts run, as a reload would find it.
  await page.addInitScript(([key, value]) => sessionStorage.setItem(key, value), [
    pendingKey,
    JSON.stringify(notOurs),
  ] as const);

  await generator.goto();
  await expect(generator.status).toHaveText(/could not be picked up again/);
  await expect(generator.alert).toHaveCount(0);
  await expect(generator.generateButton).toBeEnabled();
  await expect(generator.image("Someone else's request")).toHaveCount(0);
  expect(await page.evaluate((key) => sessionStorage.getItem(key), pendingKey)).toBeNull();
  expect((await emulator.request(requestId)).status).toBe("IN_QUEUE");
});

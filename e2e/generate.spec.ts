import { callProxy, isProxiedSubmit } from "../tooling/testing/proxy-calls";
import { emulator } from "./support/emulator";
import { expect, test } from "./support/fixtures";

test("generates an image and shows its progress, logs and result", async ({ page, generator }) => {
  await emulator.setTiming({ queueMs: 1_000, runMs: 2_000 });
  await generator.goto();
  await generator.prompt.fill("A lighthouse on a cliff at dawn");
  await generator.chooseModel("FLUX.1 [dev]");
  await page.getByLabel("Image size").selectOption("square");
  await page.getByLabel("Seed (optional)").fill("42");
  await generator.prompt.press("Control+Enter");

  await expect(generator.status).toHaveText(/In queue/);
  await expect(generator.status).toHaveText("Generating…");
  await generator.showLogs();
  await expect(generator.logLines.first()).toBeVisible();

  const image = generator.image("A lighthouse on a cliff at dawn");
  await expect(image).toBeVisible();
  await expect
    .poll(() =>
      image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth),
    )
    .toBe(512);
  await expect(generator.status).toHaveText("Done: 1 image.");
  await expect(page.getByText(/FLUX\.1 \[dev\] · seed 42 · \d+\.\d s total/)).toBeVisible();
  await expect(generator.result.getByRole("button", { name: "Download" })).toBeVisible();

  // Into the test's own output; `npm run screenshot` points it at the README's image.
  const screenshot = process.env.E2E_SCREENSHOT_PATH ?? test.info().outputPath("screenshot.png");
  await page.screenshot({ path: screenshot, fullPage: true });
});

test("cancels a slow generation upstream", async ({ page, generator }) => {
  await emulator.setTiming({ queueMs: 120_000 });
  const submitted = page.waitForResponse(isProxiedSubmit);
  await generator.goto();
  await generator.generate("A generation that will be cancelled");
  const { request_id: requestId } = (await (await submitted).json()) as { request_id: string };
  await expect(generator.status).toHaveText(/In queue/);

  await generator.cancelButton.click();

  await expect(generator.status).toHaveText("Generation cancelled.");
  await expect.poll(async () => (await emulator.request(requestId)).status).toBe("CANCELLED");
  await expect(generator.generateButton).toBeEnabled();
  await expect(generator.prompt).toHaveValue("A generation that will be cancelled");
});

test("an upstream failure shows a clear message and a retry that works", async ({ generator }) => {
  await emulator.armFault({ on: "submit", status: 500 });
  await generator.goto();
  await generator.generate("A request fal will fail once");

  const alert = generator.alert;
  await expect(alert).toContainText("The model could not finish this run");
  await expect(alert).toContainText("HTTP 500");
  await expect(generator.prompt).toHaveValue("A request fal will fail once");

  await generator.tryAgainButton.click();
  await expect(generator.image("A request fal will fail once")).toBeVisible();
  await expect(alert).toBeHidden();
});

test("signing out elsewhere turns the next generation into a sign-in prompt", async ({
  page,
  context,
  generator,
}) => {
  await generator.goto();
  const other = await context.newPage();
  await other.goto("/");
  await other.getByLabel("Account menu for Demo User").click();
  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(other.getByRole("link", { name: "Sign in to start" })).toBeVisible();

  await generator.generate("Anyone there?");
  await expect(generator.alert).toContainText("You are signed out");
  await expect(generator.alert.getByRole("link", { name: "Sign in again" })).toBeVisible();

  const response = await callProxy(page.request);
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ error: { code: "unauthenticated" } });
});

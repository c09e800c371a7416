import { expect, test } from "@playwright/test";
import { callProxy } from "../testing/proxy-calls";
import { emulator } from "./support/emulator";
import { startGeneration } from "./support/generator-page";

test.beforeEach(async () => {
  await emulator.reset();
});

test("generates an image and shows its progress, logs and result", async ({ page }) => {
  await emulator.setTiming({ queueMs: 1_000, runMs: 2_000 });
  await page.goto("/");
  await page.getByLabel("Prompt").fill("A lighthouse on a cliff at dawn");
  await page.getByLabel("Model").selectOption({ label: "FLUX.1 [dev]" });
  await page.getByLabel("Image size").selectOption("square");
  await page.getByLabel("Seed (optional)").fill("42");
  await page.getByLabel("Prompt").press("Control+Enter");

  await expect(page.getByRole("status")).toHaveText(/In queue/);
  await expect(page.getByRole("status")).toHaveText("Generating…");
  await expect(
    page.getByRole("list", { name: "Logs" }).getByRole("listitem").first(),
  ).toBeVisible();

  const image = page.getByRole("img", { name: /A lighthouse on a cliff at dawn/ });
  await expect(image).toBeVisible();
  await expect
    .poll(() =>
      image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth),
    )
    .toBe(512);
  await expect(page.getByRole("status")).toHaveText("Done: 1 image.");
  await expect(page.getByText(/FLUX\.1 \[dev\] · seed 42 · \d+\.\d s total/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Open" })).toHaveAttribute("href", /\.png$/);

  // Into the test's own output; `npm run screenshot` points it at the README's image.
  const screenshot = process.env.E2E_SCREENSHOT_PATH ?? test.info().outputPath("screenshot.png");
  await page.screenshot({ path: screenshot, fullPage: true });
});

test("cancels a slow generation upstream", async ({ page }) => {
  await emulator.setTiming({ queueMs: 120_000 });
  const submitted = page.waitForResponse(
    (response) =>
      response.url().endsWith("/api/fal/proxy") && response.request().method() === "POST",
  );
  await startGeneration(page, "A generation that will be cancelled");
  const { request_id: requestId } = (await (await submitted).json()) as { request_id: string };
  await expect(page.getByRole("status")).toHaveText(/In queue/);

  await page.getByRole("button", { name: "Cancel" }).click();

  await expect(page.getByRole("status")).toHaveText("Generation cancelled.");
  await expect.poll(async () => (await emulator.request(requestId)).status).toBe("CANCELLED");
  await expect(page.getByRole("button", { name: "Generate", exact: true })).toBeEnabled();
  await expect(page.getByLabel("Prompt")).toHaveValue("A generation that will be cancelled");
});

test("an upstream failure shows a clear message and a retry that works", async ({ page }) => {
  await emulator.armFault({ on: "submit", status: 500 });
  await startGeneration(page, "A request fal will fail once");

  // Filtered by text: Next.js adds an empty role="alert" of its own, its route announcer.
  const alert = page.getByRole("alert").filter({ hasText: "fal could not complete the request" });
  await expect(alert).toContainText("HTTP 500");
  await expect(page.getByLabel("Prompt")).toHaveValue("A request fal will fail once");

  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("img", { name: /A request fal will fail once/ })).toBeVisible();
  await expect(alert).toBeHidden();
});

test("signing out elsewhere turns the next generation into a sign-in prompt", async ({
  page,
  context,
}) => {
  await page.goto("/");
  const other = await context.newPage();
  await other.goto("/");
  await other.getByLabel("Account menu for Demo User").click();
  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(other.getByRole("link", { name: "Sign in to start" })).toBeVisible();

  await page.getByLabel("Prompt").fill("Anyone there?");
  await page.getByRole("button", { name: "Generate", exact: true }).click();
  const alert = page.getByRole("alert").filter({ hasText: "You are signed out" });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole("link", { name: "Sign in again" })).toBeVisible();

  const response = await callProxy(page.request);
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ error: { code: "unauthenticated" } });
});

import type { Page } from "@playwright/test";

/** Opens the generator, types `prompt` and presses Generate. */
export async function startGeneration(page: Page, prompt: string) {
  await page.goto("/");
  await page.getByLabel("Prompt").fill(prompt);
  await page.getByRole("button", { name: "Generate", exact: true }).click();
}

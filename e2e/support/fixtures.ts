import { test as base } from "@playwright/test";
import { emulator } from "./emulator";
import { type GeneratorPage, generatorPage } from "./pages/generator-page";

/**
 * The e2e `test`: every test starts with the emulator as it started (no faults, default
 * timing), and may ask for `generator`, the page object of the signed-in page's generator.
 */
export const test = base.extend<{ generator: GeneratorPage; resetEmulator: undefined }>({
  resetEmulator: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      await emulator.reset();
      await use(undefined);
    },
    { auto: true },
  ],
  generator: async ({ page }, use) => {
    await use(generatorPage(page));
  },
});

export { expect } from "@playwright/test";

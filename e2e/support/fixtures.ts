import { test as base } from "@playwright/test";
import { appUrl } from "../../tooling/testing/e2e-env";
import { freshTestUser, sessionCookie } from "../../tooling/testing/sessions";
import { emulator } from "./emulator";
import { type GeneratorPage, generatorPage } from "./pages/generator-page";

type Fixtures = { generator: GeneratorPage; resetEmulator: undefined };
type Options = {
  /**
   * Signs the test's browser in as a user of its own rather than the demo user. For specs that
   * count what the page does: the page waits on its user's runs still at fal, and the demo
   * user's include whatever earlier specs left running.
   */
  isolatedUser: boolean;
};

/**
 * The e2e `test`: every test starts with the emulator as it started (no faults, default
 * timing), and may ask for `generator`, the page object of the signed-in page's generator.
 */
export const test = base.extend<Fixtures & Options>({
  isolatedUser: [false, { option: true }],
  context: async ({ context, isolatedUser }, use) => {
    if (isolatedUser) {
      const cookie = await sessionCookie(freshTestUser("isolated"));
      await context.addCookies([{ ...cookie, url: appUrl, httpOnly: true }]);
    }
    await use(context);
  },
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

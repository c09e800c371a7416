import { unverifiedUser } from "../tooling/testing/demo-user";
import { appUrl } from "../tooling/testing/e2e-env";
import { daysAgo, type MintedUser, sessionCookie } from "../tooling/testing/sessions";
import { expectNoAxeViolations } from "./support/axe";
import { emulator } from "./support/emulator";
import { expect, test } from "./support/fixtures";

// Every page and state a user meets, checked by axe (WCAG 2.1 A/AA) in light and dark mode,
// on the desktop viewport and on a 360 × 740 phone. A new state is one more test here.
const viewports = [
  { name: "desktop", viewport: undefined },
  { name: "a 360 × 740 phone", viewport: { width: 360, height: 740 } },
];

const notAllowedUsers: Record<string, MintedUser> = {
  "not verified": { email: unverifiedUser.email, name: unverifiedUser.name, emailVerified: false },
  "not on the list": { email: "stranger@example.org", name: "Stranger" },
};

for (const { name, viewport } of viewports) {
  test.describe(`accessibility on ${name}`, () => {
    if (viewport) test.use({ viewport });

    test.describe("signed out", () => {
      test.use({ storageState: { cookies: [], origins: [] } });

      test("landing page", async ({ page }) => {
        await page.goto("/");
        await expect(page.getByRole("link", { name: "Sign in to start" })).toBeVisible();
        await expectNoAxeViolations(page, "landing");
      });

      test("landing page after the session expired", async ({ page, context }) => {
        const lapsed = { email: "demo@example.com", name: "Demo User", signedInAt: daysAgo(8) };
        await context.addCookies([{ ...(await sessionCookie(lapsed)), url: appUrl }]);
        await page.goto("/");
        await expect(page.getByRole("status")).toHaveText(/Your session has expired/);
        await expectNoAxeViolations(page, "landing, session expired");
      });

      test("sign-in page, and its error", async ({ page }) => {
        await page.goto("/sign-in");
        await expect(page.getByRole("button", { name: /^Sign in with/ })).toBeVisible();
        await expectNoAxeViolations(page, "sign-in");

        await page.goto("/sign-in?error=OAuthCallbackError");
        await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
        await expectNoAxeViolations(page, "sign-in with an error");
      });

      for (const [reason, user] of Object.entries(notAllowedUsers)) {
        test(`not-allowed page: ${reason}`, async ({ page, context }) => {
          await context.addCookies([{ ...(await sessionCookie(user)), url: appUrl }]);
          await page.goto("/");
          await expect(page.getByRole("heading", { name: /^This/ })).toBeVisible();
          await expect(page.getByLabel("Prompt")).toHaveCount(0);
          await expectNoAxeViolations(page, `not allowed (${reason})`);
        });
      }
    });

    test.describe("generator", () => {
      test("empty", async ({ generator }) => {
        await generator.goto();
        await expect(generator.generateButton).toBeEnabled();
        await expectNoAxeViolations(generator.page, "generator: empty");
      });

      test("running", async ({ page, generator }) => {
        await emulator.setTiming({ queueMs: 0, runMs: 120_000 });
        await generator.goto();
        await generator.generate("A generation that is still running");
        await expect(generator.cancelButton).toBeVisible();
        await expectNoAxeViolations(page, "generator: running");
      });

      test("results", async ({ page, generator }) => {
        await generator.goto();
        await generator.generate("A lighthouse on a cliff at dawn");
        await expect(generator.image("A lighthouse on a cliff at dawn")).toBeVisible();
        await expect(generator.result.getByRole("button", { name: "Download" })).toBeVisible();
        await expectNoAxeViolations(page, "generator: results");
      });

      test("error", async ({ page, generator }) => {
        await emulator.armFault({ on: "submit", status: 500 });
        await generator.goto();
        await generator.generate("A request fal will fail");
        await expect(generator.alert.getByRole("button", { name: "Try again" })).toBeVisible();
        await expectNoAxeViolations(page, "generator: error");
      });

      test("account menu open", async ({ page, generator }) => {
        await generator.goto();
        await page.getByLabel("Account menu for Demo User").click();
        await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
        await expectNoAxeViolations(page, "account menu open");
      });
    });
  });
}

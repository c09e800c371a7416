import { expect, type Page, request, test } from "@playwright/test";
import { unverifiedUser } from "../tooling/testing/demo-user";
import { appUrl, e2ePorts } from "../tooling/testing/e2e-env";
import { callProxy } from "../tooling/testing/proxy-calls";
import { browserSignedInAs, daysAgo, freshTestUser } from "../tooling/testing/sessions";
import { unhandledErrorPattern, watchAppLog } from "./support/app-log";

// Each test starts signed out, or signs itself in.
test.use({ storageState: { cookies: [], origins: [] } });

/**
 * Auth.js's own sign-in endpoint, as the sign-in button reaches it, with `login_hint` in the
 * authorization request: the local provider signs in the person it names.
 */
async function signInThroughLocalProvider(page: Page, loginHint: string) {
  await page.goto("/sign-in");
  await page.evaluate(async (hint) => {
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const form = document.createElement("form");
    form.method = "post";
    form.action = `/api/auth/signin/oidc?${new URLSearchParams({ login_hint: hint })}`;
    for (const [name, value] of Object.entries({ csrfToken, callbackUrl: "/" })) {
      const input = Object.assign(document.createElement("input"), { type: "hidden", name, value });
      form.append(input);
    }
    document.body.append(form);
    form.submit();
  }, loginHint);
  await page.waitForURL(`${appUrl}/`);
}

test("an unverified email on the allow-list is refused: a clear page, and 403 from the proxy", async ({
  page,
}) => {
  await signInThroughLocalProvider(page, unverifiedUser.email);
  await expect(
    page.getByRole("heading", { name: "This email address is not verified" }),
  ).toBeVisible();
  await expect(page.getByRole("main")).toContainText(
    `Demo account (local) has not verified ${unverifiedUser.email}`,
  );
  await expect(page.getByLabel("Prompt")).toHaveCount(0);

  const response = await callProxy(page.request, {
    headers: { "content-type": "application/json" },
  });
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({
    error: { code: "forbidden", message: expect.stringContaining("not a verified email address") },
  });
});

test("a sign-in older than AUTH_SESSION_MAX_AGE is signed out, on pages and at the proxy", async ({
  browser,
}) => {
  const user = freshTestUser("lapsed");
  const lapsed = await browserSignedInAs(browser, { ...user, signedInAt: daysAgo(8) });
  const page = await lapsed.newPage();
  await page.goto("/");
  await expect(page.getByRole("status")).toHaveText(
    "Your session has expired. Sign in again to continue.",
  );
  await expect(page.getByLabel("Prompt")).toHaveCount(0);
  await page.getByRole("link", { name: "Sign in to start" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  const refused = await callProxy(lapsed.request);
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({
    error: { code: "unauthenticated", message: expect.stringContaining("expired") },
  });
  await lapsed.close();

  // The same user signed in six days ago is still in: the limit is the sign-in's age.
  const recent = await browserSignedInAs(browser, { ...user, signedInAt: daysAgo(6) });
  expect((await callProxy(recent.request)).status()).toBe(200);
  await recent.close();
});

test("an error a visitor puts on the OIDC callback leaves one log line and no stack", async () => {
  const log = watchAppLog(e2ePorts.app);
  const visitor = await request.newContext({ storageState: { cookies: [], origins: [] } });
  const response = await visitor.get(`${appUrl}/api/auth/callback/oidc?error=x`, {
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers().location).toContain("/sign-in?error=OAuthCallbackError");
  await visitor.dispose();

  await expect.poll(log.text).toContain("auth: request refused (OAuthCallbackError");
  const lines = log.text().split("\n").filter(Boolean);
  expect(lines.filter((line) => line.includes("OAuthCallbackError"))).toHaveLength(1);
  expect(log.text()).not.toMatch(unhandledErrorPattern);
  expect(log.text()).not.toContain("[auth][error]");
});

test("/sign-in?error= shows a fixed message, never the parameter", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`/sign-in?error=${encodeURIComponent("<script>alert(1)</script>")}`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Sign-in did not complete. Try again.",
  );
  expect(await page.getByRole("main").textContent()).not.toContain("alert(1)");

  await page.goto("/sign-in?error=OAuthCallbackError");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    /provider did not complete the sign-in/,
  );
  expect(dialogs).toEqual([]);
});

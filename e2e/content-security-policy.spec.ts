import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

/**
 * Every report of the page's Content-Security-Policy blocking something, from before the page's
 * first script: a blocked script, image, fetch or style would otherwise pass unseen.
 */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  return () =>
    page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/**
 * The nonce in the page's policy, and the nonce of each script the page was served with (the
 * scripts those load carry none: `'strict-dynamic'` trusts them).
 */
async function nonces(page: Page, path: string) {
  const response = await page.goto(path);
  const policy = (await response?.allHeaders())?.["content-security-policy"] ?? "";
  const nonce = policy.match(/'nonce-([^']+)'/)?.[1];
  const html = (await response?.text()) ?? "";
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(
    ([tag]) => tag.match(/\snonce="([^"]*)"/)?.[1],
  );
  return { nonce, scripts };
}

/** Opens `path`, and fails unless its policy has a nonce and every script it was served carries it. */
async function openWithNonces(page: Page, path: string) {
  const { nonce, scripts } = await nonces(page, path);
  expect(nonce).toBeDefined();
  expect(scripts.length).toBeGreaterThan(3);
  expect(scripts).toEqual(scripts.map(() => nonce));
}

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the landing and sign-in pages are served with the nonce on every script, and nothing is blocked", async ({
    page,
  }) => {
    const violations = await watchViolations(page);
    for (const path of ["/sign-in", "/"]) {
      await openWithNonces(page, path);
      expect(await violations()).toEqual([]);
    }
    await page.getByRole("link", { name: "Sign in to start" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    expect(await violations()).toEqual([]);
  });
});

test("the generator runs under the policy: scripts, the result's image, its download", async ({
  page,
  generator,
}) => {
  const violations = await watchViolations(page);
  await openWithNonces(page, "/");

  // The fal client loads after the page (a script the nonce'd ones add), the image comes from
  // the emulator's origin, as it would from fal's media hosts, and Download fetches it.
  await generator.generate("A policy that lets the page work");
  const image = generator.image("A policy that lets the page work");
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth))
    .toBeGreaterThan(0);
  const download = page.waitForEvent("download");
  await generator.result.getByRole("button", { name: "Download", exact: true }).click();
  expect((await download).suggestedFilename()).toMatch(/\.png$/);
  await expect(
    generator.result.getByRole("button", { name: "Download", exact: true }),
  ).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("the short page (/quick) runs under the policy: its fal client, the result's image", async ({
  page,
}) => {
  const violations = await watchViolations(page);
  await openWithNonces(page, "/quick");

  await page.getByLabel("Prompt", { exact: true }).fill("A short page under the policy");
  await page.getByRole("button", { name: "Generate", exact: true }).click();
  const image = page.getByRole("img", { name: "A short page under the policy" });
  await expect
    .poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth))
    .toBeGreaterThan(0);
  expect(await violations()).toEqual([]);
});

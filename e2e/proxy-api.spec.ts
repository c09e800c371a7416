import { expect, request, test } from "@playwright/test";
import { e2ePorts } from "../tooling/testing/e2e-env";
import { falUrls } from "../tooling/testing/fal-urls";
import { callProxy } from "../tooling/testing/proxy-calls";
import { apiSignedInAs, browserSignedInAs } from "../tooling/testing/sessions";
import { unhandledErrorPattern, watchAppLog } from "./support/app-log";

test("without a session the proxy answers 401", async () => {
  // An explicit empty state: the config's signed-in storageState would apply otherwise.
  const anonymous = await request.newContext({ storageState: { cookies: [], origins: [] } });
  const response = await callProxy(anonymous);
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ error: { code: "unauthenticated" } });
  await anonymous.dispose();
});

test("a session cookie forged without AUTH_SECRET is refused, and logged in one line", async () => {
  const log = watchAppLog(e2ePorts.app);
  const forger = await apiSignedInAs(
    { email: "demo@example.com", name: "Demo User" },
    "a-guessed-secret-that-is-not-the-servers",
  );
  const response = await callProxy(forger);
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ error: { code: "unauthenticated" } });
  await expect.poll(log.text).toContain("auth: session cookie refused");
  expect(log.text()).not.toMatch(unhandledErrorPattern);
  await forger.dispose();
});

test("the server attaches its own key and ignores the caller's Authorization", async ({ page }) => {
  // The emulator answers 401 to any key but the server's, so a 200 proves whose key was sent.
  const response = await callProxy(page.request, {
    headers: { authorization: "Key attacker-supplied-key" },
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({
    status: "IN_QUEUE",
    request_id: expect.any(String),
  });
});

test("the proxy reads the session without re-issuing its cookie", async ({ page }) => {
  const submit = await callProxy(page.request);
  expect(submit.status()).toBe(200);
  const { request_id: id } = (await submit.json()) as { request_id: string };
  const status = await callProxy(page.request, {
    method: "GET",
    target: falUrls.status(id),
  });
  expect(status.ok()).toBe(true);
  // A fresh Set-Cookie on every status call would make each one a write for the browser.
  for (const response of [submit, status]) {
    expect(response.headersArray().filter(({ name }) => /^set-cookie$/i.test(name))).toEqual([]);
  }
});

test("a model outside the catalog is refused", async ({ page }) => {
  for (const target of [
    "https://queue.fal.run/fal-ai/flux-pro/v1.1-ultra",
    "https://fal.run/fal-ai/some-expensive-video-model",
  ]) {
    const response = await callProxy(page.request, { target });
    expect(response.status(), target).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "model_not_allowed" } });
  }
});

test("a target that is not fal is refused", async ({ page }) => {
  for (const target of [
    "https://evil.example.com/fal-ai/flux/schnell",
    "https://fal.run.evil.example.com/fal-ai/flux/schnell",
    "http://queue.fal.run/fal-ai/flux/schnell",
    "not a url",
  ]) {
    const response = await callProxy(page.request, { target });
    expect(response.status(), target).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_target" } });
  }
});

test("a signed-in user outside AUTH_ALLOWED_EMAILS gets 403 and a clear page", async ({
  browser,
}) => {
  const context = await browserSignedInAs(browser, {
    email: "stranger@example.org",
    name: "Stranger",
  });
  const response = await callProxy(context.request);
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });

  const page = await context.newPage();
  await page.goto("/");
  await expect(
    page.getByRole("heading", { name: "This account is not allowed here" }),
  ).toBeVisible();
  await expect(page.getByRole("main").getByText("stranger@example.org")).toBeVisible();
  await expect(page.getByLabel("Prompt")).toHaveCount(0);
  await context.close();
});

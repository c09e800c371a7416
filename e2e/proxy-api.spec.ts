import { type APIRequestContext, expect, request, test } from "@playwright/test";
import { unhandledErrorPattern, watchAppLog } from "./support/app-log";
import { appUrl, e2ePorts } from "./support/e2e-env";
import { browserSignedInAs, sessionCookie } from "./support/sessions";

const submitTarget = "https://queue.fal.run/fal-ai/flux/schnell";

function proxyPost(api: APIRequestContext, target: string, headers: Record<string, string> = {}) {
  return api.post(`${appUrl}/api/fal/proxy`, {
    headers: { "x-fal-target-url": target, ...headers },
    data: { prompt: "A proxy test", image_size: "square", num_images: 1 },
  });
}

test("without a session the proxy answers 401", async () => {
  // An explicit empty state: the config's signed-in storageState would apply otherwise.
  const anonymous = await request.newContext({ storageState: { cookies: [], origins: [] } });
  const response = await proxyPost(anonymous, submitTarget);
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ error: { code: "unauthenticated" } });
  await anonymous.dispose();
});

test("a session cookie forged without AUTH_SECRET is refused, and logged in one line", async () => {
  const log = watchAppLog(e2ePorts.app);
  const { name, value } = await sessionCookie(
    { email: "demo@example.com", name: "Demo User" },
    "a-guessed-secret-that-is-not-the-servers",
  );
  const forger = await request.newContext({
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { cookie: `${name}=${value}` },
  });
  const response = await proxyPost(forger, submitTarget);
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ error: { code: "unauthenticated" } });
  await expect.poll(log.text).toContain("auth: session cookie refused");
  expect(log.text()).not.toMatch(unhandledErrorPattern);
  await forger.dispose();
});

test("the server attaches its own key and ignores the caller's Authorization", async ({ page }) => {
  // The emulator answers 401 to any key but the server's, so a 200 proves whose key was sent.
  const response = await proxyPost(page.request, submitTarget, {
    authorization: "Key attacker-supplied-key",
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({
    status: "IN_QUEUE",
    request_id: expect.any(String),
  });
});

test("a model outside the catalog is refused", async ({ page }) => {
  for (const target of [
    "https://queue.fal.run/fal-ai/flux-pro/v1.1-ultra",
    "https://fal.run/fal-ai/some-expensive-video-model",
  ]) {
    const response = await proxyPost(page.request, target);
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
    const response = await proxyPost(page.request, target);
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
  const response = await proxyPost(context.request, submitTarget);
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

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type APIResponse, expect, request, test } from "@playwright/test";
import { appUrl, emulatorUrl } from "../tooling/testing/e2e-env";
import { callProxy } from "../tooling/testing/proxy-calls";
import { apiSignedInAs, freshTestUser } from "../tooling/testing/sessions";

const signedOut = { storageState: { cookies: [], origins: [] } };

/** What every answer of the app carries: pages, route handlers, static files. */
function expectEveryAnswerHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-content-type-options"], response.url()).toBe("nosniff");
  expect(headers["referrer-policy"], response.url()).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"], response.url()).toBe("DENY");
}

/** A page's Content-Security-Policy, as a map from each directive to its sources. */
function pagePolicy(response: APIResponse) {
  const policy = response.headers()["content-security-policy"] ?? "";
  return new Map(
    policy.split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

test("pages carry a script policy with a fresh nonce, and may not be framed", async ({ page }) => {
  const anonymous = await request.newContext(signedOut);
  const pages = [
    await page.request.get("/"),
    await anonymous.get("/"),
    await anonymous.get("/sign-in"),
  ];
  const nonces = new Set<string>();
  for (const response of pages) {
    expect(response.status()).toBe(200);
    expectEveryAnswerHeaders(response);
    const policy = pagePolicy(response);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    const scripts = policy.get("script-src") ?? [];
    expect(scripts).toEqual([
      "'self'",
      expect.stringMatching(/^'nonce-.{22}=='$/),
      "'strict-dynamic'",
    ]);
    nonces.add(scripts[1] ?? "");
    // The emulator keeps this run's images and uploads.
    expect(policy.get("img-src")).toContain(emulatorUrl);
    expect(policy.get("connect-src")).toContain(emulatorUrl);
  }
  expect(nonces.size).toBe(pages.length);
  await anonymous.dispose();
});

test("the proxy's answers carry nosniff and the referrer policy, signed in or not", async () => {
  const anonymous = await request.newContext(signedOut);
  const refused = await callProxy(anonymous);
  expect(refused.status()).toBe(401);
  expectEveryAnswerHeaders(refused);

  const user = await apiSignedInAs(freshTestUser("headers"));
  const submitted = await callProxy(user);
  expect(submitted.status()).toBe(200);
  expectEveryAnswerHeaders(submitted);
  // JSON answers are no pages: no policy there, and none needed.
  expect(submitted.headers()["content-security-policy"]).toBeUndefined();
  await Promise.all([anonymous.dispose(), user.dispose()]);
});

test("the budget, Auth.js and static files carry them too", async ({ page }) => {
  const anonymous = await request.newContext(signedOut);
  const budget = await page.request.get("/api/budget");
  expect(budget.status()).toBe(200);
  const signedOutBudget = await anonymous.get("/api/budget");
  expect(signedOutBudget.status()).toBe(401);
  const session = await anonymous.get("/api/auth/session");
  expect(session.status()).toBe(200);

  const html = await (await anonymous.get("/sign-in")).text();
  const chunk = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
  expect(chunk).toBeDefined();
  const statics = await Promise.all(
    [`${chunk}`, "/favicon.ico", "/icon.svg", "/samples/lighthouse-at-dawn.svg"].map((path) =>
      anonymous.get(path),
    ),
  );
  for (const response of [budget, signedOutBudget, session, ...statics]) {
    expect(response.status(), response.url()).toBeLessThan(500);
    expectEveryAnswerHeaders(response);
  }
  await anonymous.dispose();
});

test("another origin cannot show the generator in a frame", async ({ page }) => {
  // A real server on another port: another origin, but the same site, so the signed-in
  // session cookie goes along and, unprotected, the frame would show the generator.
  const framer = createServer((_, response) => {
    response.setHeader("content-type", "text/html");
    response.end(`<!doctype html><title>Framer</title><iframe title="The app" src="${appUrl}/">`);
  });
  await new Promise<void>((resolve) => framer.listen(0, "localhost", resolve));
  const answered = page.waitForResponse(`${appUrl}/`);
  // Waits for the frame's load event too.
  await page.goto(`http://localhost:${(framer.address() as AddressInfo).port}/`);
  expect((await answered).status()).toBe(200);

  // Chromium puts its error page in a frame it refused to fill.
  const frame = page.frames().find((candidate) => candidate.parentFrame() === page.mainFrame());
  expect(frame?.url()).toMatch(/^chrome-error:/);
  const framed = page.getByTitle("The app").contentFrame();
  await expect(framed.getByRole("heading")).toHaveCount(0);
  await expect(framed.getByLabel("Prompt", { exact: true })).toHaveCount(0);
  framer.close();
});

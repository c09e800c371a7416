import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { falProxyPath, targetUrlHeader } from "../lib/fal/proxy-contract";
import { appUrl, e2ePorts } from "../tooling/testing/e2e-env";
import { watchAppLog } from "./support/app-log";

const proxyUrl = `${appUrl}${falProxyPath}`;
const foreignPage = `<form method="post" action="${proxyUrl}" enctype="text/plain">
  <input name='{"prompt":"free credit","x":"' value='"}'></form>`;

/** What a script on the page gets from calling the proxy as the app's client would. */
function fetchFromPage(page: Page) {
  // The function runs in the page: what it needs from here goes in as an argument.
  return page.evaluate(
    async ({ url, header }) => {
      try {
        const response = await fetch(url, {
          method: "POST",
          credentials: "include",
          headers: {
            "content-type": "application/json",
            [header]: "https://queue.fal.run/fal-ai/flux/schnell",
          },
          body: JSON.stringify({ prompt: "free credit" }),
        });
        return `answered ${response.status}`;
      } catch (error) {
        // fetch rejects with a TypeError when the browser blocks the call; anything else is a
        // fault in this script, which must not pass for a block.
        return error instanceof TypeError ? "blocked by the browser" : String(error);
      }
    },
    { url: proxyUrl, header: targetUrlHeader },
  );
}

test("another site cannot make a signed-in browser call the proxy", async ({ page }) => {
  const log = watchAppLog(e2ePorts.app);
  await page.route("http://attacker.test/", (route) =>
    route.fulfill({ contentType: "text/html", body: foreignPage }),
  );
  await page.goto("http://attacker.test/");
  expect(await fetchFromPage(page)).toBe("blocked by the browser");

  // A plain form post needs no preflight, but the SameSite=Lax session cookie stays home.
  await page.locator("form").evaluate((form: HTMLFormElement) => form.submit());
  await expect(page.locator("body")).toContainText('"code":"unauthenticated"');
  // Audit lines are written at the end of the server's event-loop turn, just after the answer.
  await expect.poll(() => log.auditLines().length).toBeGreaterThan(0);
  const calls = log.auditLines();
  expect(calls).toEqual([expect.objectContaining({ method: "POST", user: null, status: 401 })]);
});

test("another origin of the same site is stopped at the CORS preflight", async ({ page }) => {
  const log = watchAppLog(e2ePorts.app);
  // A real server on this machine, so neither SameSite nor Chrome's local-network rules
  // apply: the proxy's answer to the preflight (405, no CORS headers) is what stops the call.
  const server = createServer((_, response) => {
    response.setHeader("content-type", "text/html");
    response.end(foreignPage);
  });
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  await page.goto(`http://localhost:${(server.address() as AddressInfo).port}/`);
  expect(await fetchFromPage(page)).toBe("blocked by the browser");
  server.close();
  await expect.poll(() => log.auditLines().length).toBeGreaterThan(0);
  expect(log.auditLines()).toEqual([
    expect.objectContaining({ method: "OPTIONS", status: 405, error: "method_not_allowed" }),
  ]);
});

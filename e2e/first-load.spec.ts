import { expect, type Response, test } from "@playwright/test";

// The configured client names the proxy route; fal's own code names its target header.
const falClientMarkers = ["/api/fal/proxy", "x-fal-target-url"];
const carriesFalClient = (text: string) => falClientMarkers.some((marker) => text.includes(marker));

test("the page's first load leaves out the fal client, which arrives once it is interactive", async ({
  page,
}) => {
  const html = await (await page.request.get("/")).text();
  const firstLoad = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]);
  expect(firstLoad.length).toBeGreaterThan(0);
  for (const src of firstLoad) {
    const script = await (await page.request.get(src ?? "")).text();
    expect(carriesFalClient(script), `${src} is in the first load`).toBe(false);
  }

  const falChunk = page.waitForResponse(
    async (response: Response) =>
      response.request().resourceType() === "script" && carriesFalClient(await response.text()),
  );
  await page.goto("/");
  const chunk = await falChunk;
  expect(firstLoad).not.toContain(new URL(chunk.url()).pathname);
});

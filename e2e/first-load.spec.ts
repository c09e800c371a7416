import { expect, type Response, test } from "@playwright/test";
import { falProxyPath, targetUrlHeader } from "../lib/fal/proxy-contract";

// What the page fetches once it is interactive, and how to recognise it: the configured fal
// client names the proxy route (fal's own code names its target header); the input check is
// zod's, which names the issue it raises for an unknown key.
const deferred = {
  "the fal client": [falProxyPath, targetUrlHeader],
  "the input check": ["unrecognized_keys"],
};
const carries = (markers: string[], text: string) =>
  markers.some((marker) => text.includes(marker));

for (const [name, markers] of Object.entries(deferred)) {
  test(`the page's first load leaves out ${name}, which arrives once it is interactive`, async ({
    page,
  }) => {
    const html = await (await page.request.get("/")).text();
    const firstLoad = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]);
    expect(firstLoad.length).toBeGreaterThan(0);
    for (const src of firstLoad) {
      const script = await (await page.request.get(src ?? "")).text();
      expect(carries(markers, script), `${src} is in the first load`).toBe(false);
    }

    const chunk = page.waitForResponse(
      async (response: Response) =>
        response.request().resourceType() === "script" && carries(markers, await response.text()),
    );
    await page.goto("/");
    expect(firstLoad).not.toContain(new URL((await chunk).url()).pathname);
  });
}

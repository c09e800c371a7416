/**
 * The JavaScript a signed-in first visit to `/` loads (`next build` in Next.js 16 prints no
 * sizes): every script response, as sent (compressed) and as decoded, split into the first
 * load (the scripts the HTML names) and what the page fetches once it runs (the fal client).
 */
import type { Browser } from "@playwright/test";
import { appUrl } from "./bench-env";
import { signedInContext } from "./browser";

export type Chunk = {
  name: string;
  transferBytes: number;
  decodedBytes: number;
  firstLoad: boolean;
};
type Total = { transferBytes: number; decodedBytes: number };
export type ClientWeight = {
  firstLoad: Total;
  afterLoad: Total;
  encodings: string[];
  chunks: Chunk[];
};

export async function measureClientWeight(browser: Browser): Promise<ClientWeight> {
  const context = await signedInContext(browser);
  const page = await context.newPage();
  const pending: Promise<Omit<Chunk, "firstLoad"> & { encoding: string }>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(
      (async () => {
        const [sizes, body] = await Promise.all([response.request().sizes(), response.body()]);
        const { pathname } = new URL(response.url());
        return {
          name: pathname.replace(/^\/_next\/static\//, ""),
          transferBytes: sizes.responseBodySize,
          decodedBytes: body.length,
          encoding: (await response.headerValue("content-encoding")) ?? "identity",
        };
      })(),
    );
  });
  const html = (await (await page.goto(appUrl, { waitUntil: "networkidle" }))?.text()) ?? "";
  const named = new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]));
  if (!(await page.getByLabel("Prompt").isVisible())) {
    throw new Error("the signed-in page shows no generator: is the session cookie accepted?");
  }
  const loaded = (await Promise.all(pending)).sort((a, b) => b.transferBytes - a.transferBytes);
  await context.close();
  const chunks = loaded.map(({ encoding: _encoding, ...chunk }) => ({
    ...chunk,
    firstLoad: named.has(`/_next/static/${chunk.name}`),
  }));
  const total = (firstLoad: boolean): Total => {
    const these = chunks.filter((chunk) => chunk.firstLoad === firstLoad);
    const sum = (key: keyof Total) => these.reduce((bytes, chunk) => bytes + chunk[key], 0);
    return { transferBytes: sum("transferBytes"), decodedBytes: sum("decodedBytes") };
  };
  return {
    firstLoad: total(true),
    afterLoad: total(false),
    encodings: [...new Set(loaded.map((chunk) => chunk.encoding))],
    chunks,
  };
}

/**
 * The JavaScript a signed-in first visit to `/` loads (`next build` in Next.js 16 prints no
 * sizes): every script response, as sent (compressed) and as decoded.
 */
import type { Browser } from "@playwright/test";
import { appUrl } from "./bench-env";
import { signedInContext } from "./browser";

export type Chunk = { name: string; transferBytes: number; decodedBytes: number };
export type ClientWeight = {
  transferBytes: number;
  decodedBytes: number;
  encodings: string[];
  chunks: Chunk[];
};

export async function measureClientWeight(browser: Browser): Promise<ClientWeight> {
  const context = await signedInContext(browser);
  const page = await context.newPage();
  const pending: Promise<Chunk & { encoding: string }>[] = [];
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
  await page.goto(appUrl, { waitUntil: "networkidle" });
  if (!(await page.getByLabel("Prompt").isVisible())) {
    throw new Error("the signed-in page shows no generator: is the session cookie accepted?");
  }
  const chunks = (await Promise.all(pending)).sort((a, b) => b.transferBytes - a.transferBytes);
  await context.close();
  const sum = (key: "transferBytes" | "decodedBytes") =>
    chunks.reduce((total, chunk) => total + chunk[key], 0);
  return {
    transferBytes: sum("transferBytes"),
    decodedBytes: sum("decodedBytes"),
    encodings: [...new Set(chunks.map((chunk) => chunk.encoding))],
    chunks: chunks.map(({ encoding: _encoding, ...chunk }) => chunk),
  };
}

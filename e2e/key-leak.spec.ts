import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { falProxyPath } from "../lib/fal/proxy-contract";
import { e2eSecrets } from "../tooling/testing/e2e-env";
import { expect, test } from "./support/fixtures";

const secrets = [e2eSecrets.falKey, e2eSecrets.authSecret];

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

test("no built client asset contains the server's secrets", async () => {
  const files = await filesUnder(".next/static");
  expect(files.filter((file) => file.endsWith(".js")).length).toBeGreaterThan(5);
  for (const file of files) {
    const text = await readFile(file, "latin1");
    for (const secret of secrets) expect(text.includes(secret), `${secret} in ${file}`).toBe(false);
  }
});

test("no page, proxy response or browser request carries the fal key", async ({
  page,
  generator,
}) => {
  const seen: string[] = [];
  page.on("request", (request) => {
    seen.push(`${request.method()} ${request.url()} ${JSON.stringify(request.headers())}`);
    seen.push(request.postData() ?? "");
  });
  const reading: Promise<void>[] = [];
  page.on("response", (response) => {
    reading.push(
      (async () => {
        seen.push(JSON.stringify(await response.allHeaders()));
        if (response.request().resourceType() !== "image") {
          seen.push(await response.text().catch(() => ""));
        }
      })(),
    );
  });

  await generator.goto();
  await generator.generate("Where is the key?");
  await expect(generator.image("Where is the key?")).toBeVisible();
  seen.push(await page.content());
  await Promise.all(reading);

  expect(seen.some((text) => text.includes(falProxyPath))).toBe(true);
  expect(seen.filter((text) => text.includes(e2eSecrets.falKey))).toEqual([]);
});

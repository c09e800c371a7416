import type { FalClient } from "@fal-ai/client";
import type { Page } from "@playwright/test";
// esbuild is installed with tsx, which runs this suite; it bundles the app's client for a page.
import { build } from "esbuild";

let bundled: Promise<string> | undefined;

/**
 * The app's own browser client, `lib/fal/browser/browser-client.ts` (the real `@fal-ai/client`,
 * configured as the page configures it), bundled for the browser. Next's chunk of it cannot be
 * reached from a test, and the page exposes no upload control of its own yet.
 */
function appFalClientScript(): Promise<string> {
  bundled ??= build({
    entryPoints: ["lib/fal/browser/browser-client.ts"],
    bundle: true,
    format: "iife",
    globalName: "appFalClient",
    platform: "browser",
    target: "es2022",
    define: { "process.env.NODE_ENV": '"production"' },
    write: false,
    logLevel: "silent",
  }).then(({ outputFiles }) => outputFiles[0]?.text ?? "");
  return bundled;
}

export type FileToUpload = { bytes: Buffer; type: string; name?: string };

/** What `fal.storage.upload` gave the page: the file's URL, or the error's status and body. */
export type UploadOutcome =
  | { url: string }
  | { status: number | undefined; body: unknown; message: string };

/**
 * `fal.storage.upload(file)` run by the app's client inside `page` (whose origin and cookies it
 * uses): the initiate call goes through the app's proxy, the bytes straight to the upload URL.
 */
export async function uploadFromPage(page: Page, file: FileToUpload): Promise<UploadOutcome> {
  await page.addScriptTag({ content: await appFalClientScript() });
  return page.evaluate(
    async ({ bytes, type, name }) => {
      const { fal } = (window as unknown as { appFalClient: { fal: FalClient } }).appFalClient;
      const data = new Uint8Array(bytes);
      const blob = name ? new File([data], name, { type }) : new Blob([data], { type });
      try {
        return { url: await fal.storage.upload(blob) };
      } catch (error) {
        const { status, body } = error as { status?: number; body?: unknown };
        return { status, body, message: String(error) };
      }
    },
    { bytes: [...file.bytes], type: file.type, name: file.name },
  );
}

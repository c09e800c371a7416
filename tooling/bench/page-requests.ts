/**
 * What a page asks for while one generation runs, and when (Node's clock, the same as the
 * page's): when it asked for the result, and, should the output never come, what the page
 * asked and what was answered.
 */
import type { Page, Request } from "@playwright/test";
import { targetUrlHeader } from "../../lib/fal/proxy-contract";

export type PageRequests = ReturnType<typeof watchRequests>;

export function watchRequests(page: Page) {
  type Seen = { at: number; request: Request; target: string | undefined; outcome?: string };
  const seen: Seen[] = [];
  const onRequest = (request: Request) => {
    seen.push({ at: Date.now(), request, target: request.headers()[targetUrlHeader] });
  };
  const settle = (outcome: (request: Request) => Promise<string> | string) => (r: Request) => {
    const entry = seen.find((s) => s.request === r);
    if (entry)
      void Promise.resolve(outcome(r)).then((text) => Object.assign(entry, { outcome: text }));
  };
  const onFinished = settle(async (r) => String((await r.response())?.status()));
  const onFailed = settle((r) => `failed: ${r.failure()?.errorText}`);
  page.on("request", onRequest);
  page.on("requestfinished", onFinished);
  page.on("requestfailed", onFailed);
  return {
    stop: () => {
      page.off("request", onRequest);
      page.off("requestfinished", onFinished);
      page.off("requestfailed", onFailed);
    },
    /** When the browser first asked the proxy for request `id`'s result. */
    resultAt: (id: string) => seen.find((r) => r.target?.endsWith(`/requests/${id}`))?.at,
    describe: () =>
      seen
        .map(
          (r) =>
            `${r.request.method()} ${r.target ?? r.request.url()}: ${r.outcome ?? "no answer yet"}`,
        )
        .join("\n  "),
  };
}

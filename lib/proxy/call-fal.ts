import "server-only";
import type { NextRequest } from "next/server";
import { AppError } from "@/lib/errors/app-error";
import { type ProxiedMethod, type ProxyTarget, targetUrlHeader } from "./target";

/** What `createRouteHandler` returns: it adds the key and calls fal. */
export type FalLibrary = Record<ProxiedMethod, (request: NextRequest) => Promise<Response>>;

/**
 * What the library's handler reads of its request (`@fal-ai/server-proxy/nextjs`): the
 * method, the headers and the body as text, nothing else. A `NextRequest` would parse its URL,
 * set up its cookies and wrap the body in a stream on every call, for the library to read
 * none of them; the guard tests run the real library on this.
 */
export type ForwardedRequest = Pick<NextRequest, "method" | "headers" | "text">;

/**
 * The `x-fal-*` headers the app's own client sends, by operation, and the values it uses.
 * Everything else the caller sends (its `Authorization`, other `x-fal-*` options that change
 * cost or routing) stays here.
 */
const forwardedFalHeaders: Partial<Record<ProxyTarget["operation"], Record<string, string[]>>> = {
  submit: { "x-fal-queue-priority": ["normal", "low"] },
};

/**
 * fal's client retries a 504 on queue calls (up to 3 times, whatever `fal.config` says)
 * unless this header says the timeout was the caller's choice: each retry would wait again,
 * and "did not answer within 30 s" would reach the user minutes later.
 */
const noRetry = { "x-fal-request-timeout-type": "user" };

/**
 * Stage "call fal": the library is handed a request rebuilt from scratch, with only what the
 * app's features need, and waits at most `timeoutMs` for fal's response headers (504).
 */
export function callFal(
  library: FalLibrary,
  request: Request,
  target: ProxyTarget,
  body: object | undefined,
  timeoutMs: number,
): Promise<Response> {
  const method = request.method as ProxiedMethod;
  const forwarded = forwardRequest(request, target, body) as NextRequest;
  return withUpstreamTimeout(library[method](forwarded), timeoutMs);
}

/**
 * A POST carries `body` re-serialised, never the caller's text, so what fal parses is what
 * the guard checked (duplicate keys and `__proto__` cannot mean anything else upstream). The
 * session cookie goes along for the library's own `isAuthenticated`; the library sends fal
 * only `x-fal-*` headers, and sets `accept`, `content-type` and `authorization` itself.
 */
export function forwardRequest(
  request: Request,
  target: ProxyTarget,
  body: object | undefined,
): ForwardedRequest {
  const headers = new Headers({ [targetUrlHeader]: target.url.href });
  for (const name of ["user-agent", "cookie"]) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  for (const [name, values] of Object.entries(forwardedFalHeaders[target.operation] ?? {})) {
    const value = request.headers.get(name);
    if (value && values.includes(value)) headers.set(name, value);
  }
  // GET has no body, and the client sends none with a cancel's PUT.
  const sent = request.method === "POST" ? JSON.stringify(body) : "";
  return { method: request.method, headers, text: async () => sent };
}

/**
 * Waits for fal's response headers at most `ms`. The library's fetch takes no signal, so a
 * response that arrives after the deadline is cancelled instead, to free its connection.
 */
export async function withUpstreamTimeout(
  pending: Promise<Response>,
  ms: number,
): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      pending.then((late) => late.body?.cancel()).catch(() => undefined);
      reject(
        new AppError(
          "upstream_timeout",
          504,
          `The model did not answer within ${ms / 1000} s. Try again.`,
          { headers: noRetry },
        ),
      );
    }, ms);
  });
  try {
    return await Promise.race([pending, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

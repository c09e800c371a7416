import type { APIRequestContext, Request, Response } from "@playwright/test";
import { falProxyPath, targetUrlHeader } from "../../lib/fal/proxy-contract";
import { imageUploadPath } from "../../lib/uploads/image-upload-policy";
import { appUrl } from "./e2e-env";
import { falUrls } from "./fal-urls";

type ProxyCall = {
  method?: string;
  target?: string;
  /** Which app instance answers (both share one Redis). */
  instance?: string;
  headers?: Record<string, string>;
  /** A POST's JSON body; by default a valid one-image input. */
  data?: unknown;
};

/** A call to the proxy as the fal client makes it: the real fal URL in `x-fal-target-url`. */
export function callProxy(
  api: APIRequestContext,
  {
    method = "POST",
    target = falUrls.submit(),
    instance = appUrl,
    headers = {},
    data = { prompt: "A proxy test", num_images: 1 },
  }: ProxyCall = {},
) {
  return api.fetch(`${instance}${falProxyPath}`, {
    method,
    headers: { [targetUrlHeader]: target, ...headers },
    ...(method === "POST" ? { data } : {}),
  });
}

/** Submits through the proxy and returns the new fal request id. */
export async function submitThroughProxy(api: APIRequestContext, instance = appUrl) {
  const response = await callProxy(api, { instance });
  if (response.status() !== 200) throw new Error(`submit answered ${response.status()}`);
  return ((await response.json()) as { request_id: string }).request_id;
}

/** Whether `url` (absolute, or a path) is a call to the proxy. */
export function isProxyUrl(url: string): boolean {
  return new URL(url, "http://localhost").pathname === falProxyPath;
}

/** A request, or the response whose request it is: the predicates below take either. */
type Call = Request | Response;
const requestOf = (call: Call): Request => ("request" in call ? call.request() : call);

/** The page's submit through the proxy, for `page.waitForResponse` or `page.on("request")`. */
export function isProxiedSubmit(call: Call): boolean {
  const request = requestOf(call);
  return isProxyUrl(request.url()) && request.method() === "POST";
}

/** The page's image upload to the app's upload route, for `waitForResponse` or `page.route`. */
export function isImageUpload(call: Call): boolean {
  const request = requestOf(call);
  return request.method() === "POST" && new URL(request.url()).pathname === imageUploadPath;
}

/** Sends `bytes` to the app's upload route as the page does, and answers what it stored. */
export async function uploadThroughApp(
  api: APIRequestContext,
  bytes: Buffer,
  { type = "image/png", instance = appUrl } = {},
) {
  return api.post(`${instance}${imageUploadPath}`, {
    headers: { "content-type": type },
    data: bytes,
  });
}

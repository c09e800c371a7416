/**
 * Calls to fal's queue three ways: straight to the emulator with the key, as the server's
 * proxy does; through the app's proxy with a session, as the browser does; and through the
 * bench build's bare library route (the same request, no guard).
 */

import { falProxyPath, targetUrlHeader } from "../../lib/fal/proxy-contract";
import { falUrls } from "../testing/fal-urls";
import { cookieHeader } from "../testing/sessions";
import { appUrl, benchSecrets, benchUser, onEmulator, submitBody } from "./bench-env";
import { bareRoutePath } from "./bench-tree";

export type Route = "emulator" | "proxy" | "bare";

/** The signed-in user's `Cookie` header, minted as Auth.js would with this run's secret. */
export function benchCookie(): Promise<string> {
  return cookieHeader(benchUser, benchSecrets.authSecret);
}

/** URL and headers that reach `falUrl` by `route`. */
export function request(route: Route, falUrl: string, cookie: string, json = false) {
  const type: Record<string, string> = json ? { "content-type": "application/json" } : {};
  if (route === "emulator") {
    return {
      url: onEmulator(falUrl),
      headers: { ...type, authorization: `Key ${benchSecrets.falKey}` },
    };
  }
  return {
    url: `${appUrl}${route === "bare" ? bareRoutePath : falProxyPath}`,
    headers: { ...type, cookie, [targetUrlHeader]: falUrl },
  };
}

/** Submits one request by `route`; resolves to its fal request id. */
export async function submit(route: Route, cookie: string): Promise<string> {
  const { url, headers } = request(route, falUrls.submit(), cookie, true);
  const response = await fetch(url, { method: "POST", headers, body: submitBody });
  if (response.status !== 200) {
    throw new Error(`submit by ${route} answered ${response.status}: ${await response.text()}`);
  }
  return ((await response.json()) as { request_id: string }).request_id;
}

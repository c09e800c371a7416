/** A guard wired to the real `createRouteHandler`, with `fetch` (that is, fal) stubbed. */
import { createRouteHandler } from "@fal-ai/server-proxy/nextjs";
import { vi } from "vitest";
import type { Access } from "@/lib/auth/access";
import { allowedEndpoints, models } from "@/lib/catalog/models";
import { falProxyPath, targetUrlHeader } from "@/lib/fal/proxy-contract";
import type { AuditEntry } from "@/lib/proxy/audit-log";
import { handleProxyRequest, isAdmittedByGuard, type ProxyGuardConfig } from "@/lib/proxy/guard";
import { modelRequestPolicy } from "@/lib/proxy/model-request";
import { createReadMetering } from "@/lib/proxy/read-metering";
import { memoryMediaOwnership } from "@/lib/stores/media-ownership";
import { memoryOwnership } from "@/lib/stores/request-ownership";
import { createSpendBudget } from "@/lib/stores/spend-budget";
import { createSubmitLimiter } from "@/lib/stores/submit-limiter";
import { falUrls } from "./fal-urls";

export const serverKey = "Key server-key-7f3a";
export const catalog = allowedEndpoints;
export const submitUrl = falUrls.submit("fal-ai/flux/dev");
export const requestUrl = (id: string) => falUrls.request(id);
/** A file at fal that ada uploaded (recorded as hers, 1024 × 1024, in every kit). */
export const adasImage = "https://v3.fal.media/files/rabbit/ada-upload.png";

export const users = {
  ada: { status: "allowed", user: { id: "oidc:ada", email: "ada@example.com" } },
  bob: { status: "allowed", user: { id: "oidc:bob", email: "bob@example.com" } },
  stranger: {
    status: "forbidden",
    reason: "not-listed",
    user: { id: "github:9", email: "eve@elsewhere.test" },
  },
  signedOut: { status: "signed-out" },
} satisfies Record<string, Access>;

export type Call = {
  method?: string;
  target?: string | string[];
  body?: BodyInit;
  headers?: Record<string, string>;
  as?: Access;
};

export function createGuardKit(overrides: Partial<ProxyGuardConfig> = {}) {
  let submits = 0;
  const fal = vi.fn(async (url: string | URL | Request, _init?: RequestInit): Promise<Response> => {
    if (String(url).endsWith("/cancel")) return Response.json({ status: "CANCELLATION_REQUESTED" });
    if (String(url).includes("/requests/")) return Response.json({ status: "IN_QUEUE" });
    submits += 1;
    return Response.json(
      { request_id: `req-${submits}` },
      { headers: { "x-fal-request-id": `req-${submits}` } },
    );
  });
  vi.stubGlobal("fetch", fal);
  const audit: AuditEntry[] = [];
  const media = memoryMediaOwnership();
  void media.record(users.ada.user.id, [{ url: adasImage, width: 1024, height: 1024 }]);
  const config: ProxyGuardConfig = {
    upstream: createRouteHandler({
      allowedEndpoints: catalog,
      allowUnauthorizedRequests: false,
      isAuthenticated: isAdmittedByGuard,
      resolveFalAuth: async () => serverKey,
    }),
    identify: async () => users.ada,
    targets: { endpoints: catalog },
    // fal's media hosts only.
    modelRequest: modelRequestPolicy(models, []),
    limiter: createSubmitLimiter({ perMinute: 3, perDay: 5 }),
    // $1 a user and $10 for the app, as by default.
    budget: createSpendBudget({ perUserMicroUsd: 1_000_000, appMicroUsd: 10_000_000 }),
    ownership: memoryOwnership(),
    media,
    // The production defaults: tests of other features never meet them.
    reads: createReadMetering({ perMinute: 600, streamsPerUser: 5, streamMaxMs: 600_000 }),
    audit: (entry) => audit.push(entry),
    maxBodyBytes: 1024,
    upstreamTimeoutMs: 2_000,
    ...overrides,
  };

  const call = ({ method = "POST", target = submitUrl, body, headers = {}, as }: Call) => {
    const requestHeaders = new Headers(headers);
    for (const url of [target].flat()) requestHeaders.append(targetUrlHeader, url);
    if (method === "POST" && body === undefined) {
      requestHeaders.set("content-type", headers["content-type"] ?? "application/json");
      body = JSON.stringify({ prompt: "a lighthouse at dusk" });
    }
    const request = new Request(`http://localhost${falProxyPath}`, {
      method,
      headers: requestHeaders,
      body,
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    });
    const identify = as ? async () => as : config.identify;
    return handleProxyRequest({ ...config, identify }, request);
  };

  /** Submits as `as` and returns the new fal request id. */
  const submit = async (as: Access = users.ada) => {
    const response = await call({ as });
    return ((await response.json()) as { request_id: string }).request_id;
  };

  /** What fal received on its n-th call. */
  const sent = (n = 0) => {
    const [url, init] = fal.mock.calls[n] ?? [];
    return { url: String(url), headers: new Headers(init?.headers), body: init?.body };
  };

  return { config, fal, audit, call, submit, sent };
}

/** A refusal as the caller sees it: status, `Retry-After`, and the error body's fields. */
export async function refusalOf(response: Response) {
  const body = (await response.json()) as {
    error?: { code: string; message: string; field?: string; retryAt?: string };
  };
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    ...body.error,
  };
}

export async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return `${response.status} ${body.error.code}`;
}

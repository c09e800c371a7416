/** A guard wired to the real `createRouteHandler`, with `fetch` (that is, fal) stubbed. */
import { createRouteHandler } from "@fal-ai/server-proxy/nextjs";
import { vi } from "vitest";
import { type Access, type IdentifyCaller, sessionAdmission } from "@/lib/auth/access";
import { allowedEndpoints } from "@/lib/catalog/models";
import { falProxyPath, targetUrlHeader } from "@/lib/fal/proxy-contract";
import type { AuditEntry } from "@/lib/proxy/audit-log";
import { handleProxyRequest } from "@/lib/proxy/guard";
import { type FalProxyPolicy, falProxyPolicy, type ProxyStores } from "@/lib/proxy/policy";
import { memoryMediaOwnership } from "@/lib/stores/media-ownership";
import { createReadLimiter } from "@/lib/stores/read-limiter";
import { memoryRuns } from "@/lib/stores/runs";
import { createSpendBudget } from "@/lib/stores/spend-budget";
import { createStreamSlots } from "@/lib/stores/stream-slots";
import { createSubmitLimiter } from "@/lib/stores/submit-limiter";
import { falUrls } from "./fal-urls";

export const serverKey = "Key server-key-7f3a";
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

/** Any store or part of the policy a test gives replaces the kit's. */
export type KitOverrides = Partial<ProxyStores> & Partial<Omit<FalProxyPolicy, "stores">>;

/** The stores of a kit: in memory, with small run limits a test can reach. */
export function kitStores(overrides: Partial<ProxyStores> = {}): ProxyStores {
  const media = memoryMediaOwnership();
  void media.record(users.ada.user.id, [{ url: adasImage, width: 1024, height: 1024 }]);
  return {
    runLimits: createSubmitLimiter({ perMinute: 3, perDay: 5 }),
    runs: memoryRuns(),
    // $1 a user and $10 for the app, as by default.
    budget: createSpendBudget({ perUserMicroUsd: 1_000_000, appMicroUsd: 10_000_000 }),
    media,
    // The production defaults: tests of other features never meet them.
    reads: createReadLimiter({ perMinute: 600 }),
    streams: createStreamSlots({ perUser: 5, leaseMs: 660_000 }),
    ...overrides,
  };
}

// Who calls travels in a cookie, as a session does, so the library's session-based
// `isAuthenticated` sees the same caller as the guard.
const callerCookie = "kit-caller";
const cookieOf = (as: Access) =>
  `${callerCookie}=${Buffer.from(JSON.stringify(as)).toString("base64url")}`;
const callerIn: IdentifyCaller = async ({ headers }) => {
  const value = new RegExp(`${callerCookie}=([\\w-]+)`).exec(headers.get("cookie") ?? "")?.[1];
  return value
    ? (JSON.parse(Buffer.from(value, "base64url").toString()) as Access)
    : users.signedOut;
};

export function createGuardKit(overrides: KitOverrides = {}) {
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
  const { runLimits, runs, budget, media, reads, streams, ...parts } = overrides;
  const stores = Object.fromEntries(
    Object.entries({ runLimits, runs, budget, media, reads, streams }).filter(([, v]) => v),
  ) as Partial<ProxyStores>;
  const policy = falProxyPolicy({
    identify: callerIn,
    // fal's media hosts only.
    mediaOrigins: [],
    audit: (entry) => audit.push(entry),
    maxBodyBytes: 1024,
    upstreamTimeoutMs: 2_000,
    streamMaxMs: 600_000,
    ...parts,
    stores: kitStores(stores),
  });
  // As the route wires it, with a key of the tests' own.
  const library = createRouteHandler({
    allowedEndpoints,
    allowUnauthorizedRequests: false,
    isAuthenticated: sessionAdmission(policy.identify),
    resolveFalAuth: async () => serverKey,
  });

  const call = ({
    method = "POST",
    target = submitUrl,
    body,
    headers = {},
    as = users.ada,
  }: Call) => {
    const requestHeaders = new Headers(headers);
    const cookie = [headers.cookie, cookieOf(as)].filter(Boolean).join("; ");
    requestHeaders.set("cookie", cookie);
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
    return handleProxyRequest(library, policy, request);
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

  return { policy, library, fal, audit, call, submit, sent };
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

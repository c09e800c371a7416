import "server-only";
import { NextRequest } from "next/server";
import type { Access } from "@/lib/auth/access";
import { microUsdPerUsd } from "@/lib/catalog/money";
import { AppError, toErrorResponse } from "@/lib/errors/app-error";
import { isAdmittedByGuard, runAdmitted } from "./admission";
import type { AuditEntry, AuditSink } from "./audit-log";
import { buildForwardRequest, readJsonBody } from "./forward-request";
import type { CheckedModelRequest } from "./model-request";
import { meterRead, type ReadMetering } from "./read-metering";
import type { RequestOwnership } from "./stores/request-ownership";
import type { SpendBudget } from "./stores/spend-budget";
import type { SubmitCharge, SubmitLimiter } from "./stores/submit-limiter";
import type { UploadCounter } from "./stores/upload-counter";
import {
  type ProxiedMethod,
  type ProxyTarget,
  parseTarget,
  proxiedMethod,
  proxiedMethods,
  type TargetPolicy,
  targetUrlHeader,
} from "./target";
import { checkUploadRequest } from "./upload-request";
import { cleanUpstreamResponse } from "./upstream-response";
import { withUpstreamTimeout } from "./upstream-timeout";

export { isAdmittedByGuard };

const routeMethods = [...proxiedMethods, "DELETE", "PATCH", "HEAD", "OPTIONS"] as const;
type RouteHandler = (request: Request) => Promise<Response>;

export type ProxyGuardConfig = {
  /** What `createRouteHandler` returns: it adds the key and calls fal. */
  upstream: Record<ProxiedMethod, (request: NextRequest) => Promise<Response>>;
  /** Who sends `request`: read from its session cookie, so it costs almost nothing per call. */
  identify: (request: Request) => Promise<Access>;
  targets: TargetPolicy;
  /** The catalog's input policy: the checked input of a model run, and its estimated cost. */
  modelRequest: (endpoint: string, body: unknown) => CheckedModelRequest;
  limiter: SubmitLimiter;
  /** Daily spend, charged with the estimate before fal is called. */
  budget: Pick<SpendBudget, "charge">;
  /** Storage uploads per user per day, counted before fal is asked for an upload URL. */
  uploads: UploadCounter;
  ownership: RequestOwnership;
  /** Status, result and cancel calls: a rate per user, open streams per user, their lifetime. */
  reads: ReadMetering;
  audit: AuditSink;
  maxBodyBytes: number;
  upstreamTimeoutMs: number;
};

/**
 * Route handlers for every method. `configure` runs on the first request, so the environment
 * is read at run time, not while `next build` imports the route.
 */
export function guardProxy(
  configure: () => ProxyGuardConfig,
): Record<(typeof routeMethods)[number], RouteHandler> {
  let config: ProxyGuardConfig | undefined;
  const handle: RouteHandler = (request) => {
    config ??= configure();
    return handleProxyRequest(config, request);
  };
  return Object.fromEntries(routeMethods.map((method) => [method, handle])) as Record<
    (typeof routeMethods)[number],
    RouteHandler
  >;
}

/**
 * Which method (405), who asks (401, 403), what for (400, 403), whether the request id is
 * theirs (404), what they send (415, 413, 400), how often and for how much (429); then the
 * library calls fal, and its answer goes back streamed with clean headers. Every outcome is
 * one JSON error or fal's response, and one audit line.
 */
export async function handleProxyRequest(
  config: ProxyGuardConfig,
  request: Request,
): Promise<Response> {
  const started = performance.now();
  const entry: Omit<AuditEntry, "status" | "durationMs"> = {
    user: null,
    method: request.method,
    operation: null,
    endpoint: null,
    falRequestId: null,
    error: null,
    upstreamMs: null,
    costUsd: null,
  };
  let response: Response;
  try {
    const method = proxiedMethod(request.method);
    entry.user = admit(await config.identify(request));
    const target = parseTarget(method, request.headers.get(targetUrlHeader), config.targets);
    Object.assign(entry, { operation: target.operation, endpoint: target.endpoint });
    entry.falRequestId = target.requestId ?? null;
    response = await forward(config, method, target, entry.user, request, (fields) => {
      Object.assign(entry, fields);
    });
  } catch (error) {
    response = toErrorResponse(error);
    entry.error = error instanceof AppError ? error.code : "upstream_unreachable";
  }
  config.audit({ ...entry, status: response.status, durationMs: elapsedSince(started) });
  return response;
}

async function forward(
  config: ProxyGuardConfig,
  method: ProxiedMethod,
  target: ProxyTarget,
  userId: string,
  request: Request,
  note: (fields: Partial<AuditEntry>) => void,
): Promise<Response> {
  const raw = method === "POST" ? await readJsonBody(request, config.maxBodyBytes) : undefined;
  const body = target.operation === "upload-initiate" ? checkUploadRequest(raw) : raw;
  const run =
    target.operation === "submit" || target.operation === "run"
      ? config.modelRequest(target.endpoint, body)
      : undefined;
  const forwarded = buildForwardRequest(request, target, run?.input ?? body);
  if (target.requestId && (await config.ownership.ownerOf(target.requestId)) !== userId) {
    // The same answer as for an id that never existed: other users' ids are not confirmed.
    throw new AppError("request_not_found", 404, "There is no such request.");
  }
  const read = await meterRead(config.reads, userId, target.operation);
  let charge: SubmitCharge | undefined;
  if (target.operation === "upload-initiate") charge = await config.uploads.charge(userId);
  if (run) {
    const runCharge = await chargeRun(config, userId, run.estimateCost);
    note({ costUsd: runCharge.costMicroUsd / microUsdPerUsd });
    charge = runCharge;
  }
  const upstreamStarted = performance.now();
  const upstream = await withUpstreamTimeout(
    runAdmitted(userId, () => config.upstream[method](new NextRequest(forwarded))),
    config.upstreamTimeoutMs,
  ).catch(read.fail);
  note({ upstreamMs: elapsedSince(upstreamStarted) });
  // fal answered 5xx: it ran nothing and issued no upload URL, so the user keeps the attempt.
  // After a network failure or a timeout nobody knows, so the attempt stays counted.
  if (upstream.status >= 500) await charge?.refund();

  const runId = upstream.headers.get("x-fal-request-id");
  if (runId) note({ falRequestId: runId });
  if (target.operation !== "submit" || !upstream.ok) {
    return read.deliver(cleanUpstreamResponse(upstream));
  }

  // A submit's answer is small JSON: read it to record who owns the new request.
  const text = await upstream.text();
  const requestId = submittedRequestId(text);
  if (requestId) {
    await config.ownership.record(requestId, userId);
    note({ falRequestId: requestId });
  }
  return cleanUpstreamResponse(upstream, text);
}

/**
 * One more run this minute, then its estimated cost today; neither stays charged if one
 * refuses. The minute's limit comes first, so the estimate's fetch of an input image is
 * rate-limited too.
 */
async function chargeRun(
  config: ProxyGuardConfig,
  userId: string,
  estimateCost: () => Promise<number>,
): Promise<SubmitCharge & { costMicroUsd: number }> {
  const attempt = await config.limiter.charge(userId);
  try {
    const costMicroUsd = await estimateCost();
    const spend = await config.budget.charge(userId, costMicroUsd);
    return {
      costMicroUsd,
      refund: () => Promise.all([attempt.refund(), spend.refund()]).then(() => undefined),
    };
  } catch (error) {
    await attempt.refund().catch(() => undefined);
    throw error;
  }
}

function admit(access: Access): string {
  if (access.status === "signed-out") {
    throw new AppError(
      "unauthenticated",
      401,
      access.reason === "expired"
        ? "Your session has expired. Sign in again to generate images."
        : "You are signed out. Sign in again to generate images.",
    );
  }
  if (access.status === "forbidden") {
    const who = access.user.email ?? "This account";
    throw new AppError(
      "forbidden",
      403,
      access.reason === "unverified"
        ? `${who} is not a verified email address at your sign-in provider, so it is not allowed to use this app. Verify it there and sign in again.`
        : `${who} is not allowed to use this app.`,
    );
  }
  return access.user.id;
}

function submittedRequestId(text: string): string | undefined {
  try {
    const { request_id } = JSON.parse(text) as { request_id?: unknown };
    return typeof request_id === "string" ? request_id : undefined;
  } catch {
    return undefined;
  }
}

function elapsedSince(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

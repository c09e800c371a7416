import "server-only";
import { allowedUserId } from "@/lib/auth/allowed-user";
import { microUsdPerUsd } from "@/lib/catalog/money";
import { AppError, toErrorResponse } from "@/lib/errors/app-error";
import { elapsedSince, type PendingAudit, pendingAudit } from "./audit-log";
import { callFal, type FalLibrary } from "./call-fal";
import { prepareCancel } from "./cancel";
import { chargeRun } from "./charge";
import { readInput } from "./input";
import { meter } from "./metering";
import { checkOwnership } from "./ownership";
import type { FalProxyPolicy } from "./policy";
import { recordAnswer } from "./record";
import { parseTarget, proxiedMethod, proxiedMethods, targetUrlHeader } from "./target";

export type { FalLibrary };

const routeMethods = [...proxiedMethods, "DELETE", "PATCH", "HEAD", "OPTIONS"] as const;
type RouteHandler = (request: Request) => Promise<Response>;

/**
 * Route handlers for every method: `library` (what `createRouteHandler` returns) guarded by
 * `policy`, which is read on the first request, so `next build` never needs the environment.
 */
export function guardProxy(
  library: FalLibrary,
  policy: () => FalProxyPolicy,
): Record<(typeof routeMethods)[number], RouteHandler> {
  let read: FalProxyPolicy | undefined;
  const handle: RouteHandler = (request) => {
    read ??= policy();
    return handleProxyRequest(library, read, request);
  };
  return Object.fromEntries(routeMethods.map((method) => [method, handle])) as Record<
    (typeof routeMethods)[number],
    RouteHandler
  >;
}

/** One proxied call: its answer (fal's, or a JSON refusal) and one audit line. */
export async function handleProxyRequest(
  library: FalLibrary,
  policy: FalProxyPolicy,
  request: Request,
): Promise<Response> {
  const started = performance.now();
  const entry = pendingAudit(request.method);
  let response: Response;
  try {
    response = await guard(library, policy, request, entry);
  } catch (error) {
    response = toErrorResponse(error);
    entry.error = error instanceof AppError ? error.code : "upstream_unreachable";
  }
  policy.audit({ ...entry, status: response.status, durationMs: elapsedSince(started) });
  return response;
}

/**
 * The pipeline, in this order, each stage refusing with its own status before anything is
 * sent: admit (405 method, 401 signed out, 403 not allowed); target (400, 403: fal's hosts,
 * the catalog's models, the client's calls only); body and input (415, 413, 400); metering
 * (429: every run and every read counts, refused or not); ownership (404 someone else's
 * request, 400 someone else's image); charge (429: today's budgets); a cancel first reads whether
 * fal still has the run in its queue. Then the library calls fal (502, 504); a 5xx gives the
 * run's attempt and charge back, and a cancel in the queue its charge; record writes down
 * what the answer gives the user; respond sends it with the headers the client needs.
 */
async function guard(
  library: FalLibrary,
  policy: FalProxyPolicy,
  request: Request,
  entry: PendingAudit,
): Promise<Response> {
  const method = proxiedMethod(request.method);
  const userId = allowedUserId(await policy.identify(request));
  entry.user = userId;

  const target = parseTarget(method, request.headers.get(targetUrlHeader), policy.catalog);
  Object.assign(entry, { operation: target.operation, endpoint: target.endpoint });
  entry.falRequestId = target.requestId ?? null;

  const { body, run } = await readInput(request, target, policy);
  const metered = await meter(policy.stores, userId, target, policy.streamMaxMs);
  const inputImage = await checkOwnership(policy.stores, userId, target, run);
  const spend = run && (await chargeRun(policy.stores, userId, run, inputImage));
  if (spend) entry.costUsd = spend.costMicroUsd / microUsdPerUsd;
  const cancel = await prepareCancel(library, request, target, policy.upstreamTimeoutMs);

  const upstreamStarted = performance.now();
  const upstream = await callFal(library, request, target, body, policy.upstreamTimeoutMs).catch(
    metered.fail,
  );
  entry.upstreamMs = elapsedSince(upstreamStarted);
  // fal ran nothing. After a network failure or a timeout nobody knows, so both stay counted.
  if (upstream.status >= 500) await Promise.all([metered.refund(), spend?.refund()]);
  await cancel?.settle(policy.stores, userId, upstream);

  const admitted = run && spend && { ...run, costMicroUsd: spend.costMicroUsd };
  const { response, requestId } = await recordAnswer(
    policy.stores,
    userId,
    target,
    upstream,
    admitted,
  );
  entry.falRequestId = requestId ?? null;
  return metered.deliver(response);
}

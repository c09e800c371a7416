import "server-only";
import { NextRequest } from "next/server";
import type { Access } from "@/lib/auth/access";
import { allowedUserId } from "@/lib/auth/allowed-user";
import type { ImageDimensions } from "@/lib/catalog/cost";
import { microUsdPerUsd } from "@/lib/catalog/money";
import { AppError, toErrorResponse } from "@/lib/errors/app-error";
import type { MediaOwnership } from "../stores/media-ownership";
import type { RequestOwnership } from "../stores/request-ownership";
import type { SpendBudget } from "../stores/spend-budget";
import type { SubmitLimiter } from "../stores/submit-limiter";
import { isAdmittedByGuard, runAdmitted } from "./admission";
import { type AuditSink, elapsedSince, type PendingAudit, pendingAudit } from "./audit-log";
import { buildForwardRequest, readJsonBody } from "./forward-request";
import type { CheckedModelRequest } from "./model-request";
import { outputFilesOf } from "./output-files";
import { meterRead, type ReadMetering } from "./read-metering";
import {
  type ProxiedMethod,
  type ProxyTarget,
  parseTarget,
  proxiedMethod,
  proxiedMethods,
  type TargetPolicy,
  targetUrlHeader,
} from "./target";
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
  ownership: RequestOwnership;
  /** The files each user may give a model: their uploads and their outputs, with sizes. */
  media: MediaOwnership;
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

type Audit = PendingAudit;

/**
 * In this order: which method (405); who asks (401, 403); what for (400, 403); what they send
 * (415, 413, 400); how often (429: every run and every read counts, refused or not); whether
 * the request id or the input image is theirs (404, 400); for how much (429); then the library
 * calls fal, what fal answers is recorded (who owns a new request, which images a result
 * holds) and goes back streamed with the headers the client needs. Every outcome is one JSON
 * error or fal's response, and one audit line.
 */
export async function handleProxyRequest(
  config: ProxyGuardConfig,
  request: Request,
): Promise<Response> {
  const started = performance.now();
  const entry = pendingAudit(request.method);
  let response: Response;
  try {
    const method = proxiedMethod(request.method);
    entry.user = allowedUserId(await config.identify(request));
    const target = parseTarget(method, request.headers.get(targetUrlHeader), config.targets);
    Object.assign(entry, { operation: target.operation, endpoint: target.endpoint });
    entry.falRequestId = target.requestId ?? null;
    response = await forward(config, { method, target, userId: entry.user, request }, entry);
  } catch (error) {
    response = toErrorResponse(error);
    entry.error = error instanceof AppError ? error.code : "upstream_unreachable";
  }
  config.audit({ ...entry, status: response.status, durationMs: elapsedSince(started) });
  return response;
}

type Call = { method: ProxiedMethod; target: ProxyTarget; userId: string; request: Request };

async function forward(config: ProxyGuardConfig, call: Call, entry: Audit): Promise<Response> {
  const { method, target, userId, request } = call;
  const body = method === "POST" ? await readJsonBody(request, config.maxBodyBytes) : undefined;
  const run = isModelRun(target) ? config.modelRequest(target.endpoint, body) : undefined;

  // Counted before anything is looked up, so refusals below keep their attempt.
  const attempt = run ? await config.limiter.charge(userId) : undefined;
  const read = await meterRead(config.reads, userId, target.operation);

  if (target.requestId) await requireOwnRequest(config, userId, target.requestId);
  const inputImage = run && (await ownInputImage(config, userId, run));
  const spend = run && (await chargeRun(config, userId, run, inputImage, entry));

  const upstreamStarted = performance.now();
  const forwarded = buildForwardRequest(request, target, run?.input ?? body);
  const upstream = await withUpstreamTimeout(
    runAdmitted(userId, () => config.upstream[method](new NextRequest(forwarded))),
    config.upstreamTimeoutMs,
  ).catch(read.fail);
  entry.upstreamMs = elapsedSince(upstreamStarted);
  // fal answered 5xx: it ran nothing, so the attempt and the charge are given back. After a
  // network failure or a timeout nobody knows, so both stay counted.
  if (upstream.status >= 500) await Promise.all([attempt?.refund(), spend?.refund()]);
  entry.falRequestId = upstream.headers.get("x-fal-request-id") ?? entry.falRequestId;

  if (!upstream.ok || !recordsAnswer(target)) return read.deliver(cleanUpstreamResponse(upstream));
  // A submit's or a result's answer is small JSON: read it to record what it gives the user.
  const text = await upstream.text();
  const answer = parseJson(text);
  if (target.operation === "submit") {
    const requestId = requestIdOf(answer);
    if (requestId) {
      await config.ownership.record(requestId, userId);
      entry.falRequestId = requestId;
    }
  } else {
    await config.media.record(userId, outputFilesOf(answer));
  }
  return cleanUpstreamResponse(upstream, text);
}

const isModelRun = (target: ProxyTarget) =>
  target.operation === "submit" || target.operation === "run";

/** Answers the proxy reads before passing them on: new request ids, and outputs. */
const recordsAnswer = (target: ProxyTarget) =>
  target.operation === "submit" || target.operation === "run" || target.operation === "result";

async function requireOwnRequest(config: ProxyGuardConfig, userId: string, requestId: string) {
  if ((await config.ownership.ownerOf(requestId)) !== userId) {
    // The same answer as for an id that never existed: other users' ids are not confirmed.
    throw new AppError("request_not_found", 404, "There is no such request.");
  }
}

/**
 * The input image's size, as recorded when this user uploaded it or fal made it for them;
 * any other file is refused, so fal reads only images the server has decoded or drawn.
 */
async function ownInputImage(
  config: ProxyGuardConfig,
  userId: string,
  run: CheckedModelRequest,
): Promise<ImageDimensions | undefined> {
  const url = run.input.image_url;
  if (url === undefined) return undefined;
  const file = await config.media.find(userId, url);
  if (!file) {
    throw new AppError(
      "invalid_input",
      400,
      "image_url must be an image you uploaded to this app, or one it made for you, in the last 7 days: upload it again.",
      { field: "image_url" },
    );
  }
  const { width, height } = file;
  return width === undefined || height === undefined ? undefined : { width, height };
}

/** The run's estimated cost, charged to today's budgets, and written on its audit line. */
async function chargeRun(
  config: ProxyGuardConfig,
  userId: string,
  run: CheckedModelRequest,
  inputImage: ImageDimensions | undefined,
  entry: Audit,
) {
  const costMicroUsd = run.estimateCost(inputImage);
  const spend = await config.budget.charge(userId, costMicroUsd);
  entry.costUsd = costMicroUsd / microUsdPerUsd;
  return spend;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function requestIdOf(answer: unknown): string | undefined {
  const id = (answer as { request_id?: unknown } | undefined)?.request_id;
  return typeof id === "string" ? id : undefined;
}

import "server-only";
import { outputImages } from "@/lib/fal/model-output";
import type { RunEnd, RunRecord } from "@/lib/stores/runs";
import type { ModelRun } from "./input";
import type { ProxyStores } from "./policy";
import type { ProxyTarget } from "./target";

/** The run being answered, as the guard admitted and charged it. */
export type AdmittedRun = ModelRun & { costMicroUsd: number };

/**
 * Stage "record": what fal's answer gives the user is written down before it goes back. A
 * submit's answer names the new request: a run of the caller's, kept with its checked input
 * and its charge. A result's (or a synchronous run's) holds fal's output: the run is done, and
 * its images are the caller's to give a model next, at the sizes fal states. A result fal
 * answers with its final error ends the run as failed, and refunds it (see `failedAtFal`). (A
 * cancel is written down by its own stage, cancel.ts.) Answers the response to send and its
 * request id.
 */
export async function recordAnswer(
  stores: Pick<ProxyStores, "runs" | "media" | "budget">,
  userId: string,
  target: ProxyTarget,
  upstream: Response,
  admitted?: AdmittedRun,
): Promise<{ response: Response; requestId?: string }> {
  const requestId = upstream.headers.get("x-fal-request-id") ?? target.requestId;
  const { operation } = target;
  if (operation === "result" && requestId && failedAtFal(upstream.status)) {
    // A finished run keeps its output: only a run still waiting on fal can fail.
    const run = await stores.runs.get(userId, requestId);
    const end = { status: "failed", finishedAt: Date.now(), refunded: true } as const;
    if (run?.status === "in-progress") await endRun(stores, userId, requestId, end);
  }
  if (!upstream.ok || (operation !== "submit" && operation !== "run" && operation !== "result")) {
    return { response: respond(upstream), requestId };
  }
  // These answers are small JSON: read whole, recorded, then sent as they came.
  const text = await upstream.text();
  const answer = parseJson(text);
  const id = operation === "submit" ? (requestIdOf(answer) ?? requestId) : requestId;
  if (id && admitted) {
    const finished = operation === "run" ? done(answer) : {};
    await stores.runs.start(userId, { ...newRun(id, admitted), ...finished });
  }
  if (id && operation === "result") await stores.runs.end(userId, id, done(answer));
  if (operation !== "submit") await stores.media.record(userId, outputImages(answer));
  return { response: respond(upstream, text), requestId: id };
}

const newRun = (requestId: string, { model, input, costMicroUsd }: AdmittedRun): RunRecord => ({
  requestId,
  modelId: model.id,
  input,
  costMicroUsd,
  status: "in-progress",
  submittedAt: Date.now(),
});

const done = (output: unknown): RunEnd => ({ status: "done", finishedAt: Date.now(), output });

/**
 * fal's last word that a run made nothing: its result answers 422 (the model refused the
 * input) or 500 (the model failed), which the client does not retry. fal bills outputs only,
 * never server errors, so such a run is refunded. Not 429 or 502–504: the client retries those
 * and the result may yet come; not 401, 403 or 404: they are about the key or the id, not the run.
 */
export function failedAtFal(status: number): boolean {
  return status === 422 || status === 500;
}

/**
 * Ends a run, and gives its charge back to the day it was made when `end.refunded` says so.
 * Only the end that finds the run in progress refunds it: a second one (a retry, a second
 * tab, a cancel racing the result) does not.
 */
export async function endRun(
  stores: Pick<ProxyStores, "runs" | "budget">,
  userId: string,
  requestId: string,
  end: RunEnd,
): Promise<void> {
  const ended = await stores.runs.end(userId, requestId, end);
  if (!ended || !end.refunded) return;
  const run = await stores.runs.get(userId, requestId);
  if (run) await stores.budget.refund(userId, run.costMicroUsd, run.submittedAt);
}

/**
 * The headers of fal's answer that reach the browser: what `@fal-ai/client` reads (the body's
 * type, the request id, whether a timeout was the caller's) and what keeps a status stream
 * flowing. Everything else fal sends stays here, so nothing fal says can set this app's CORS,
 * HSTS, CSP, cookies, links or alternative services, and a hop's framing (`content-length`,
 * `content-encoding`: Node's fetch has decoded the body) is never passed on.
 */
const passedHeaders = [
  "content-type",
  "cache-control",
  "x-fal-request-id",
  "x-fal-request-timeout-type",
  "retry-after",
] as const;

/** Stage "respond": fal's status and body (a stream stays a stream), with the passed headers. */
export function respond(upstream: Response, body: BodyInit | null = upstream.body): Response {
  const headers = new Headers();
  for (const name of passedHeaders) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(body, { status: upstream.status, statusText: upstream.statusText, headers });
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

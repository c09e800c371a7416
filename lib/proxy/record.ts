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
 * its images are the caller's to give a model next, at the sizes fal states. (A cancel is
 * written down by its own stage, cancel.ts.) Answers the response to send and its request id.
 */
export async function recordAnswer(
  stores: Pick<ProxyStores, "runs" | "media">,
  userId: string,
  target: ProxyTarget,
  upstream: Response,
  admitted?: AdmittedRun,
): Promise<{ response: Response; requestId?: string }> {
  const requestId = upstream.headers.get("x-fal-request-id") ?? target.requestId;
  const { operation } = target;
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

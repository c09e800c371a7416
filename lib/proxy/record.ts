import "server-only";
import type { MediaFile } from "@/lib/stores/media-ownership";
import type { ProxyStores } from "./policy";
import type { ProxyTarget } from "./target";

/**
 * Stage "record": what fal's answer gives the user is written down before it goes back. A
 * submit's answer names the new request, now the caller's; a result's (or a run's) names the
 * images fal made, which the caller may give a model next, at the size fal states. Answers the
 * response to send and the request id it is about.
 */
export async function recordAnswer(
  stores: Pick<ProxyStores, "requests" | "media">,
  userId: string,
  target: ProxyTarget,
  upstream: Response,
): Promise<{ response: Response; requestId?: string }> {
  const requestId = upstream.headers.get("x-fal-request-id") ?? target.requestId;
  const recorded =
    target.operation === "submit" || target.operation === "run" || target.operation === "result";
  if (!upstream.ok || !recorded) return { response: respond(upstream), requestId };
  // These answers are small JSON: read whole, recorded, then sent as they came.
  const text = await upstream.text();
  const answer = parseJson(text);
  if (target.operation === "submit") {
    const submitted = requestIdOf(answer);
    if (submitted) await stores.requests.record(submitted, userId);
    return { response: respond(upstream, text), requestId: submitted ?? requestId };
  }
  await stores.media.record(userId, outputFilesOf(answer));
  return { response: respond(upstream, text), requestId };
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

/** More than any catalog model returns; a larger list is not recorded past this. */
const maxFilesPerOutput = 16;
const maxSide = 100_000;

const isSide = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value > 0 && value <= maxSide;

/** The images in a model's output as fal returns it (`{ images: [{ url, width, height }] }`). */
export function outputFilesOf(output: unknown): MediaFile[] {
  if (typeof output !== "object" || output === null) return [];
  const { images } = output as { images?: unknown };
  if (!Array.isArray(images)) return [];
  const files: MediaFile[] = [];
  for (const image of images.slice(0, maxFilesPerOutput)) {
    if (typeof image !== "object" || image === null) continue;
    const { url, width, height } = image as Record<string, unknown>;
    if (typeof url !== "string") continue;
    files.push(isSide(width) && isSide(height) ? { url, width, height } : { url });
  }
  return files;
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

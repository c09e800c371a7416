import "server-only";

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

/** fal's response for the browser: same status and body stream (never buffered), clean headers. */
export function cleanUpstreamResponse(
  upstream: Response,
  body: BodyInit | null = upstream.body,
): Response {
  const headers = new Headers();
  for (const name of passedHeaders) {
    const value = upstream.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(body, { status: upstream.status, statusText: upstream.statusText, headers });
}

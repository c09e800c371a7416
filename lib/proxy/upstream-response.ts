/**
 * Headers that describe one hop, not the message: Node's fetch has already decoded the body
 * (so `content-encoding` and `content-length` would lie), and fal's cookies are not ours to set.
 */
import "server-only";

const droppedHeaders = new Set([
  "set-cookie",
  "content-encoding",
  "content-length",
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/** fal's response for the browser: same status and body stream (never buffered), clean headers. */
export function cleanUpstreamResponse(
  upstream: Response,
  body: BodyInit | null = upstream.body,
): Response {
  const namedByConnection = (upstream.headers.get("connection") ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase());
  const headers = new Headers();
  upstream.headers.forEach((value, name) => {
    if (!droppedHeaders.has(name) && !namedByConnection.includes(name)) headers.append(name, value);
  });
  return new Response(body, { status: upstream.status, statusText: upstream.statusText, headers });
}

import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Node's request as the web `Request` the guard reads. The URL's host is fixed: the guard
 * never needs it, and a caller's `Host` header is not worth trusting or parsing.
 */
export function toWebRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] ?? "";
    // Repeated headers stay repeated: the guard refuses two target URLs, it does not pick one.
    if (!name.startsWith(":")) headers.append(name, req.rawHeaders[i + 1] ?? "");
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(new URL(req.url ?? "/", "http://localhost"), {
    method,
    headers,
    body: hasBody ? bodyOf(req) : undefined,
    ...(hasBody ? { duplex: "half" } : {}),
  });
}

/**
 * The body as it arrives, unbuffered, so the guard counts the bytes itself. Not
 * `Readable.toWeb`: its cancel (the guard stops reading at the size limit) destroys the
 * request and its socket mid-upload. Here a cancel discards the rest of the body, and the
 * 413 goes out on a connection that stays sound.
 */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let open = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on("data", (chunk: Buffer) => {
        if (!open) return;
        controller.enqueue(new Uint8Array(chunk));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.on("end", () => {
        if (open) controller.close();
        open = false;
      });
      req.on("error", (error) => {
        if (open) controller.error(error);
        open = false;
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      open = false;
      req.resume();
    },
  });
}

/**
 * Writes the guard's `Response` to Node's response as it streams: each chunk is flushed
 * (Next's `next start` gzips API routes, and gzip would hold status events back), and when the
 * caller goes away the body is cancelled, so the guard frees the stream slot and fal's stream.
 */
export async function sendWebResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  // No `undefined` reason in between: the gzip middleware Next puts in front of API routes
  // (on-headers) then reads the headers from that slot and drops them all.
  if (response.statusText) res.writeHead(response.status, response.statusText, headers);
  else res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  res.flushHeaders();

  const reader = response.body.getReader();
  const gone = new Promise<void>((resolve) => res.once("close", resolve));
  void gone.then(() => {
    if (!res.writableFinished) reader.cancel("the caller went away").catch(() => undefined);
  });
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      if (res.destroyed) break;
      const drained = res.write(read.value);
      flush(res);
      if (!drained) await Promise.race([new Promise((ok) => res.once("drain", ok)), gone]);
    }
  } catch {
    // The body failed mid-stream (fal dropped it): end the response so the caller sees it end.
    res.destroy();
    return;
  }
  if (!res.destroyed) res.end();
}

/** The compression middleware Next puts in front of API routes adds `flush()`. */
function flush(res: ServerResponse): void {
  (res as ServerResponse & { flush?: () => void }).flush?.();
}

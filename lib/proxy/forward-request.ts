import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { type ProxyTarget, targetUrlHeader } from "./target";

/**
 * The `x-fal-*` headers the app's own client sends, by operation, and the values it uses.
 * Everything else the caller sends (its `Authorization`, `Cookie`, other `x-fal-*` options
 * that change cost or routing) stays here.
 */
const forwardedFalHeaders: Partial<Record<ProxyTarget["operation"], Record<string, string[]>>> = {
  submit: { "x-fal-queue-priority": ["normal", "low"] },
};

/**
 * The request the library forwards: only what the app's features need, rebuilt from scratch.
 * A POST carries `body` re-serialised, never the caller's text, so what fal parses is what
 * the guard checked (duplicate keys and `__proto__` cannot mean anything else upstream).
 * (The library sets `accept`, `content-type` and `authorization` upstream itself.)
 */
export function buildForwardRequest(
  request: Request,
  target: ProxyTarget,
  body: object | undefined,
): Request {
  const headers = new Headers({ [targetUrlHeader]: target.url.href });
  const userAgent = request.headers.get("user-agent");
  if (userAgent) headers.set("user-agent", userAgent);
  for (const [name, values] of Object.entries(forwardedFalHeaders[target.operation] ?? {})) {
    const value = request.headers.get(name);
    if (value && values.includes(value)) headers.set(name, value);
  }
  // GET has no body, and the client sends none with a cancel's PUT.
  if (request.method !== "POST")
    return new Request(request.url, { method: request.method, headers });
  return new Request(request.url, { method: "POST", headers, body: JSON.stringify(body) });
}

/** The body of a POST: JSON, an object, and at most `maxBytes`, or a refusal saying which. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<object> {
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new AppError("unsupported_media_type", 415, "The request body must be application/json.");
  }
  const bytes = await readBody(
    request,
    maxBytes,
    new AppError("payload_too_large", 413, `The request body is larger than ${maxBytes} bytes.`),
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeUtf8(bytes));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("invalid_body", 400, "The request body is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new AppError("invalid_body", 400, "The request body must be a JSON object.");
  }
  return parsed;
}

/**
 * A request's body, at most `maxBytes`, or `tooLarge`: the declared length may be absent or
 * false, so what actually arrives is counted, and the rest is never read.
 */
export async function readBody(
  request: Request,
  maxBytes: number,
  tooLarge: AppError,
): Promise<Buffer> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      size += read.value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge;
      }
      chunks.push(read.value);
    }
  }
  return Buffer.concat(chunks);
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid_body", 400, "The request body is not valid UTF-8.");
  }
}

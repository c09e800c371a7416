import type { IncomingMessage, ServerResponse } from "node:http";

export const maxJsonBytes = 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: unknown,
  ) {
    super(typeof detail === "string" ? detail : `HTTP ${status}`);
  }
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
    "cache-control": "no-store",
    ...headers,
  });
  response.end(payload);
}

export function sendDetail(response: ServerResponse, status: number, detail: unknown): void {
  sendJson(response, status, { detail });
}

/** Reads the whole body, refusing (413) anything over `limit` bytes. */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    throw new HttpError(413, `Body is larger than ${limit} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > limit) throw new HttpError(413, `Body is larger than ${limit} bytes`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/**
 * Parses a JSON body; an empty body reads as `{}` because the client sends none when the
 * input is empty. Malformed JSON fails with `invalidStatus` and FastAPI's error shape.
 */
export async function readJson(request: IncomingMessage, invalidStatus = 422): Promise<unknown> {
  const raw = await readBody(request, maxJsonBytes);
  if (raw.length === 0) return {};
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    const detail = [{ loc: ["body"], msg: "JSON decode error", type: "json_invalid" }];
    throw new HttpError(invalidStatus, invalidStatus === 422 ? detail : "Malformed JSON body");
  }
}

/** The key of an `Authorization: Key <key>` header, as fal expects it. */
export function keyFromAuthorization(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Key\s+(.+)$/.exec(header.trim());
  return match?.[1];
}

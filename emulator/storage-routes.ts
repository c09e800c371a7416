/**
 * Storage upload: `rest.fal.ai/storage/upload/initiate` (behind the key, via the proxy)
 * and the PUT to the returned upload URL (no key, straight from the browser, so CORS).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { applyFault, type EmulatorContext } from "./context";
import { readBody, readJson, sendDetail, sendJson } from "./http-utils";
import { UPLOAD_PATH_PREFIX } from "./uploads";

const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "PUT",
  "access-control-allow-headers": "content-type",
  "access-control-max-age": "600",
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Requests under `/rest.fal.ai/`, already authenticated. */
export async function handleRest(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  segments: string[],
): Promise<void> {
  const path = segments.join("/");
  if (path !== "storage/upload/initiate") return sendDetail(res, 404, "Not found");
  if (req.method !== "POST") return sendDetail(res, 405, "Method not allowed");
  if (applyFault(ctx, "upload", req, res)) return;
  const body = await readJson(req);
  if (!isRecord(body)) return sendDetail(res, 422, "Body must be a JSON object");
  const { uploadPath, filePath } = ctx.uploads.initiate(body.content_type, body.file_name);
  return sendJson(res, 200, {
    upload_url: `${ctx.publicUrl}${uploadPath}`,
    file_url: `${ctx.publicUrl}${filePath}`,
  });
}

/** `OPTIONS` and `PUT` on `/uploads/<token>`. */
export async function handleUploadPut(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  if (req.method === "OPTIONS") {
    res.writeHead(204, CORS_HEADERS);
    res.end();
    return;
  }
  // Set before anything else so every answer (faults and 413s included) is readable cross-origin.
  res.setHeader("access-control-allow-origin", "*");
  if (req.method !== "PUT") return sendDetail(res, 405, "Method not allowed");
  const token = pathname.slice(UPLOAD_PATH_PREFIX.length);
  if (!ctx.uploads.has(token)) return sendDetail(res, 404, "Unknown or expired upload URL");
  if (applyFault(ctx, "upload", req, res)) return;
  const bytes = await readBody(req, ctx.uploads.limits.maxFileBytes);
  const outcome = ctx.uploads.put(token, bytes, req.headers["content-type"]);
  if (outcome === "stored") return sendJson(res, 200, {});
  if (outcome === "too_large") return sendDetail(res, 413, "File too large");
  return sendDetail(res, 404, "Unknown or expired upload URL");
}

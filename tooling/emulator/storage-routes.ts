/**
 * Storage upload: `rest.fal.ai/storage/upload/initiate` (behind the key, via the proxy)
 * and the PUT to the returned upload URL (no key, straight from the browser, so CORS).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { applyFault, type EmulatorContext } from "./context";
import { readBody, readJson, sendDetail, sendJson } from "./http-utils";
import { uploadPathPrefix } from "./uploads";

const corsHeaders = {
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
  context: EmulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  segments: string[],
): Promise<void> {
  const path = segments.join("/");
  if (path !== "storage/upload/initiate") return sendDetail(response, 404, "Not found");
  if (request.method !== "POST") return sendDetail(response, 405, "Method not allowed");
  if (applyFault(context, "upload", request, response)) return;
  const body = await readJson(request);
  if (!isRecord(body)) return sendDetail(response, 422, "Body must be a JSON object");
  const { uploadPath, filePath } = context.uploads.initiate(body.content_type, body.file_name);
  return sendJson(response, 200, {
    upload_url: `${context.publicUrl}${uploadPath}`,
    file_url: `${context.publicUrl}${filePath}`,
  });
}

/** `OPTIONS` and `PUT` on `/uploads/<token>`. */
export async function handleUploadPut(
  context: EmulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
): Promise<void> {
  if (request.method === "OPTIONS") {
    response.writeHead(204, corsHeaders);
    response.end();
    return;
  }
  // Set before anything else so every answer (faults and 413s included) is readable cross-origin.
  response.setHeader("access-control-allow-origin", "*");
  if (request.method !== "PUT") return sendDetail(response, 405, "Method not allowed");
  const token = pathname.slice(uploadPathPrefix.length);
  if (!context.uploads.has(token))
    return sendDetail(response, 404, "Unknown or expired upload URL");
  if (applyFault(context, "upload", request, response)) return;
  const bytes = await readBody(request, context.uploads.limits.maxFileBytes);
  const outcome = context.uploads.put(token, bytes, request.headers["content-type"]);
  if (outcome === "stored") return sendJson(response, 200, {});
  if (outcome === "too_large") return sendDetail(response, 413, "File too large");
  return sendDetail(response, 404, "Unknown or expired upload URL");
}

/** `GET /files/...`: generated images and uploaded files, loaded by browsers directly. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorContext } from "./context";
import { sendJson } from "./http-utils";
import { type ImageSpec, imagePath, parseImagePath, renderPng } from "./images";

const fileHeaders = {
  "access-control-allow-origin": "*",
  "x-content-type-options": "nosniff",
  // Uploads can carry any content type; never let one run script on this origin.
  "content-security-policy": "default-src 'none'; sandbox",
};

/** Recently drawn PNGs, so a page showing the same image twice does not redraw it. */
const renderCacheSize = 16;

export type RenderCache = { get(spec: ImageSpec): Buffer };

export function createRenderCache(): RenderCache {
  const entries = new Map<string, Buffer>();
  return {
    get(spec) {
      const key = imagePath(spec);
      const hit = entries.get(key);
      if (hit) return hit;
      const png = renderPng(spec);
      entries.set(key, png);
      const oldest = entries.keys().next().value;
      if (entries.size > renderCacheSize && oldest !== undefined) entries.delete(oldest);
      return png;
    },
  };
}

function sendBytes(
  request: IncomingMessage,
  response: ServerResponse,
  bytes: Buffer,
  contentType: string,
  cacheControl: string,
): void {
  response.writeHead(200, {
    ...fileHeaders,
    "content-type": contentType,
    "content-length": bytes.length,
    "cache-control": cacheControl,
  });
  response.end(request.method === "HEAD" ? undefined : bytes);
}

export function handleFile(
  context: EmulatorContext,
  cache: RenderCache,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
): void {
  if (request.method !== "GET" && request.method !== "HEAD") {
    sendJson(response, 405, { detail: "Method not allowed" }, fileHeaders);
    return;
  }
  const spec = parseImagePath(pathname);
  if (spec) {
    // The URL fully determines the bytes, so caches may keep them forever.
    sendBytes(
      request,
      response,
      cache.get(spec),
      "image/png",
      "public, max-age=31536000, immutable",
    );
    return;
  }
  const file = context.uploads.getByPath(pathname);
  if (file) sendBytes(request, response, file.bytes, file.contentType, "public, max-age=3600");
  else sendJson(response, 404, { detail: "File not found" }, fileHeaders);
}

/** `GET /files/...`: generated images and uploaded files, loaded by browsers directly. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorContext } from "./context";
import { sendJson } from "./http-utils";
import { type ImageSpec, imagePath, parseImagePath, renderPng } from "./images";

const FILE_HEADERS = {
  "access-control-allow-origin": "*",
  "x-content-type-options": "nosniff",
  // Uploads can carry any content type; never let one run script on this origin.
  "content-security-policy": "default-src 'none'; sandbox",
};

/** Recently drawn PNGs, so a page showing the same image twice does not redraw it. */
const RENDER_CACHE_SIZE = 16;

export class RenderCache {
  private readonly entries = new Map<string, Buffer>();

  get(spec: ImageSpec): Buffer {
    const key = imagePath(spec);
    const hit = this.entries.get(key);
    if (hit) return hit;
    const png = renderPng(spec);
    this.entries.set(key, png);
    const oldest = this.entries.keys().next().value;
    if (this.entries.size > RENDER_CACHE_SIZE && oldest !== undefined) this.entries.delete(oldest);
    return png;
  }
}

function sendBytes(
  req: IncomingMessage,
  res: ServerResponse,
  bytes: Buffer,
  contentType: string,
  cacheControl: string,
): void {
  res.writeHead(200, {
    ...FILE_HEADERS,
    "content-type": contentType,
    "content-length": bytes.length,
    "cache-control": cacheControl,
  });
  res.end(req.method === "HEAD" ? undefined : bytes);
}

export function handleFile(
  ctx: EmulatorContext,
  cache: RenderCache,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): void {
  if (req.method !== "GET" && req.method !== "HEAD") {
    sendJson(res, 405, { detail: "Method not allowed" }, FILE_HEADERS);
    return;
  }
  const spec = parseImagePath(pathname);
  if (spec) {
    // The URL fully determines the bytes, so caches may keep them forever.
    sendBytes(req, res, cache.get(spec), "image/png", "public, max-age=31536000, immutable");
    return;
  }
  const file = ctx.uploads.getByPath(pathname);
  if (file) sendBytes(req, res, file.bytes, file.contentType, "public, max-age=3600");
  else sendJson(res, 404, { detail: "File not found" }, FILE_HEADERS);
}

/** `GET /files/...`: generated images, edits, videos and uploads, loaded by browsers directly. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { byteRange } from "./byte-range";
import type { EmulatorContext } from "./context";
import { renderEdit } from "./edit-render";
import { sendJson } from "./http-utils";
import { imagePath, parseImagePath, renderPng } from "./images";
import { renderVideo } from "./video-render";
import { videoContentType } from "./video-store";

const fileHeaders = {
  "access-control-allow-origin": "*",
  "x-content-type-options": "nosniff",
  // Uploads can carry any content type; never let one run script on this origin.
  "content-security-policy": "default-src 'none'; sandbox",
};

export type ServedFile = { bytes: Buffer; contentType: string; cacheControl: string };

// The URL fully determines the bytes, so caches may keep them forever.
const immutable = "public, max-age=31536000, immutable";

/** The file at `pathname` on the emulator's origin: what it serves, and what an edit reads. */
export async function findFile(
  context: EmulatorContext,
  pathname: string,
): Promise<ServedFile | undefined> {
  const spec = parseImagePath(pathname);
  if (spec) {
    const bytes = await context.renders.get(imagePath(spec), () => renderPng(spec));
    return { bytes, contentType: "image/png", cacheControl: immutable };
  }
  const edit = context.edits.byPath(pathname);
  if (edit) {
    const bytes = await context.renders.get(pathname, () => renderEdit(edit.spec, edit.index));
    return { bytes, contentType: "image/png", cacheControl: immutable };
  }
  const video = context.videos.byPath(pathname);
  if (video) {
    const bytes = await context.renders.get(pathname, () => renderVideo(video));
    return { bytes, contentType: videoContentType, cacheControl: immutable };
  }
  const file = context.uploads.getByPath(pathname);
  return file && { ...file, cacheControl: "public, max-age=3600" };
}

export async function handleFile(
  context: EmulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    sendJson(response, 405, { detail: "Method not allowed" }, fileHeaders);
    return;
  }
  const file = await findFile(context, pathname);
  if (!file) {
    sendJson(response, 404, { detail: "File not found" }, fileHeaders);
    return;
  }
  const headers = {
    ...fileHeaders,
    "content-type": file.contentType,
    "cache-control": file.cacheControl,
    "accept-ranges": "bytes",
  };
  const size = file.bytes.length;
  const range = byteRange(request.headers.range, size);
  if (range === "unsatisfiable") {
    response.writeHead(416, { ...headers, "content-range": `bytes */${size}` });
    response.end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  response.writeHead(range ? 206 : 200, {
    ...headers,
    "content-length": end - start + 1,
    ...(range ? { "content-range": `bytes ${start}-${end}/${size}` } : {}),
  });
  response.end(request.method === "HEAD" ? undefined : file.bytes.subarray(start, end + 1));
}

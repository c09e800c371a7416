import "server-only";
import { randomUUID } from "node:crypto";
import type { IdentifyCaller } from "@/lib/auth/access";
import { allowedUserId } from "@/lib/auth/allowed-user";
import { AppError, toErrorResponse } from "@/lib/errors/app-error";
import type { FalStorage } from "@/lib/fal/server/fal-storage";
import { type AuditSink, elapsedSince, pendingAudit } from "@/lib/proxy/audit-log";
import { readBody } from "@/lib/proxy/input";
import type { MediaOwnership } from "@/lib/stores/media-ownership";
import type { UploadCounter } from "@/lib/stores/upload-counter";
import { decodeImage, storedFileName } from "./decode-image";
import { acceptedImageTypes, isAcceptedImageType, maxUploadBytes } from "./image-upload-policy";

export type ImageUploadConfig = {
  identify: IdentifyCaller;
  /** Uploads per user per UTC day: counted before the image is read, refused or not. */
  uploads: UploadCounter;
  /** Where the stored image is recorded as the user's, with its size. */
  media: MediaOwnership;
  storage: FalStorage;
  audit: AuditSink;
};

/** What the browser gets back: the file at fal, and the size the server decoded. */
export type UploadedImage = { url: string; width: number; height: number };

/**
 * `POST` an image's bytes with its type as `Content-Type`. The server decodes it whole,
 * writes it again (without its metadata), stores that at fal with the server's key and
 * answers its URL, which this user alone may then give a model; the size recorded with it is
 * what the run is charged for. Who (401, 403), what type (415), how many today (429), how
 * large (413), whether it decodes cleanly within the limits (415, 400); then fal.
 */
export async function handleImageUpload(
  config: ImageUploadConfig,
  request: Request,
): Promise<Response> {
  const started = performance.now();
  const entry = pendingAudit(request.method, { operation: "upload", endpoint: "storage" });
  let response: Response;
  try {
    if (request.method !== "POST") {
      throw new AppError("method_not_allowed", 405, `${request.method} is not accepted here.`, {
        headers: { Allow: "POST" },
      });
    }
    const userId = allowedUserId(await config.identify(request));
    entry.user = userId;
    const declared = declaredType(request);
    const counted = await config.uploads.charge(userId);
    const bytes = await readBody(request, maxUploadBytes, uploadTooLarge);
    const image = await decodeImage(bytes, declared);
    const upstreamStarted = performance.now();
    const stored = await config.storage({
      bytes: image.bytes,
      contentType: image.contentType,
      fileName: storedFileName(image, randomUUID()),
    });
    entry.upstreamMs = elapsedSince(upstreamStarted);
    if ("falStatus" in stored) {
      // fal stored nothing after a 5xx, so the upload is given back; after a 4xx it counts.
      if (stored.falStatus >= 500) await counted.refund();
      throw new AppError("upstream_unreachable", 502, "The image could not be stored. Try again.");
    }
    const { url } = stored;
    await config.media.record(userId, [{ url, width: image.width, height: image.height }]);
    const uploaded: UploadedImage = { url, width: image.width, height: image.height };
    response = Response.json(uploaded, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    response = toErrorResponse(error);
    entry.error = error instanceof AppError ? error.code : "upstream_unreachable";
  }
  config.audit({ ...entry, status: response.status, durationMs: elapsedSince(started) });
  return response;
}

const uploadTooLarge = () =>
  new AppError(
    "payload_too_large",
    413,
    `The image is larger than ${maxUploadBytes / 1024 / 1024} MB: shrink it and upload it again.`,
  );

function declaredType(request: Request) {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (isAcceptedImageType(type)) return type;
  throw new AppError(
    "unsupported_upload_type",
    415,
    `Only ${acceptedImageTypes.join(", ")} images can be uploaded; send the image's bytes with its type as Content-Type.`,
  );
}

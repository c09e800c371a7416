import "server-only";
import { imageSize } from "image-size";
import { request } from "undici";
import type { ImageDimensions } from "@/lib/catalog/cost";
import { type ExtraMediaOrigins, isAcceptedMediaUrl } from "@/lib/catalog/media-url";
import { maxInputImageSide } from "@/lib/catalog/models";
import { AppError } from "@/lib/errors/app-error";

/**
 * Reads an input image's size on the server, before the proxy charges for it: an image
 * model's output (and so fal's bill) follows its input, which the request does not describe.
 * Only the first bytes are fetched, from fal's media hosts (or the emulator's origin), within
 * a time and byte limit, and a redirect is followed only to another accepted media URL.
 */
export type ProbedImage = ImageDimensions & { type: "png" | "jpg" | "webp" };

export type ImageProbeLimits = {
  /** Bytes read at most: a PNG, WebP or plain JPEG states its size in its first few hundred. */
  maxBytes: number;
  timeoutMs: number;
  maxSide: number;
  maxRedirects: number;
};

export const defaultImageProbeLimits: ImageProbeLimits = {
  maxBytes: 256 * 1024,
  timeoutMs: 5_000,
  maxSide: maxInputImageSide,
  maxRedirects: 2,
};

const acceptedTypes = new Set(["png", "jpg", "webp"]);

function refuse(message: string): AppError {
  return new AppError("invalid_input", 400, message, { field: "image_url" });
}

const unreadable = (why: string) => refuse(`The image at image_url could not be read (${why}).`);

/** A probe for the proxy: `probe(url)` answers the image's size and type, or throws a 400. */
export function createImageProbe(
  extraOrigins: ExtraMediaOrigins,
  limits: ImageProbeLimits = defaultImageProbeLimits,
) {
  return async (url: string): Promise<ProbedImage> => {
    const signal = AbortSignal.timeout(limits.timeoutMs);
    let target = url;
    for (let hop = 0; hop <= limits.maxRedirects; hop += 1) {
      // Checked again at every hop: a redirect must not lead the server anywhere else.
      if (!isAcceptedMediaUrl(target, extraOrigins))
        throw unreadable("it leads off fal's media hosts");
      const response = await request(target, { method: "GET", signal }).catch(() => {
        throw unreadable(signal.aborted ? "no answer in time" : "no answer");
      });
      const location = response.headers.location;
      if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === "string") {
        discard(response.body);
        target = URL.canParse(location, target) ? new URL(location, target).href : "";
        continue;
      }
      if (response.statusCode !== 200) {
        discard(response.body);
        throw unreadable(`it answered ${response.statusCode}`);
      }
      return sizeOf(await firstBytes(response.body, limits.maxBytes, signal), limits);
    }
    throw unreadable("too many redirects");
  };
}

type Body = AsyncIterable<Buffer> & {
  destroy(): void;
  on(event: "error", listener: () => void): unknown;
};

/** Hangs up on the rest of a body; undici reports that as an error nobody needs to hear. */
function discard(body: Body): void {
  body.on("error", () => {});
  body.destroy();
}

/** Reads until the size can be told or `maxBytes` have come, whichever is first. */
async function firstBytes(body: Body, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  let bytes = Buffer.alloc(0);
  try {
    for await (const chunk of body) {
      bytes = Buffer.concat([bytes, chunk]).subarray(0, maxBytes);
      if (bytes.length >= maxBytes || readSize(bytes)) break;
    }
  } catch {
    throw unreadable(signal.aborted ? "no answer in time" : "the connection failed");
  } finally {
    discard(body);
  }
  return bytes;
}

function readSize(bytes: Buffer) {
  try {
    return imageSize(bytes);
  } catch {
    return undefined;
  }
}

function sizeOf(bytes: Buffer, limits: ImageProbeLimits): ProbedImage {
  const size = readSize(bytes);
  const type = size?.type;
  if (!size || !type || !acceptedTypes.has(type) || !size.width || !size.height) {
    throw refuse("image_url must point at a PNG, JPEG or WebP image.");
  }
  if (Math.max(size.width, size.height) > limits.maxSide) {
    throw refuse(
      `The image at image_url is ${size.width} × ${size.height} pixels; at most ${limits.maxSide} pixels a side is accepted.`,
    );
  }
  return { width: size.width, height: size.height, type: type as ProbedImage["type"] };
}

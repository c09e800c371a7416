import { type AcceptedImageType, isAcceptedImageType, maxUploadBytes } from "./image-upload-policy";

/** One drawing of the image: its size and the type asked of the encoder. */
export type EncodeRequest = { width: number; height: number; type: AcceptedImageType };

/**
 * Draws the image at the requested size and encodes it. A browser that cannot encode the type
 * (older Safari and WebP) answers PNG instead, as `OffscreenCanvas.convertToBlob` does.
 */
export type Encoder = (request: EncodeRequest) => Promise<Blob>;

/** The file that fits, with the size and type it really has. */
export type FittedImage = { blob: Blob; width: number; height: number; type: AcceptedImageType };

/** Each step down draws the image at three quarters of the last step's sides. */
export const scaleStep = 0.75;
/** 0.75⁸ ≈ 0.1: a 2048 px image ends at 205 px, which no encoder makes larger than 4 MiB. */
export const maxScaleSteps = 8;

const fallbackType: AcceptedImageType = "image/png";

/**
 * Encodes the planned image so that it is at most `maxBytes`, changing as little as it can:
 * the planned type first (PNG stays lossless while it fits), then WebP and JPEG at full size,
 * then smaller and smaller, in the lossy type this browser encodes (WebP, which keeps
 * transparency, else JPEG). Stops at the first that fits; `undefined` if none does.
 */
export async function encodeToFit(
  plan: EncodeRequest,
  encode: Encoder,
  maxBytes = maxUploadBytes,
): Promise<FittedImage | undefined> {
  let encodesWebp = false;
  const attempt = async (request: EncodeRequest): Promise<FittedImage> => {
    const blob = await encode(request);
    const type = isAcceptedImageType(blob.type) ? blob.type : fallbackType;
    if (request.type === "image/webp" && type === "image/webp") encodesWebp = true;
    return { blob, type, width: request.width, height: request.height };
  };

  const types = [...new Set<AcceptedImageType>([plan.type, "image/webp", "image/jpeg"])];
  for (const type of types) {
    const fitted = await attempt({ ...plan, type });
    if (fitted.blob.size <= maxBytes) return fitted;
  }
  const lossy: AcceptedImageType = encodesWebp ? "image/webp" : "image/jpeg";
  for (let step = 1; step <= maxScaleSteps; step++) {
    const scale = scaleStep ** step;
    const fitted = await attempt({
      width: Math.max(1, Math.round(plan.width * scale)),
      height: Math.max(1, Math.round(plan.height * scale)),
      type: lossy,
    });
    if (fitted.blob.size <= maxBytes) return fitted;
  }
  return undefined;
}

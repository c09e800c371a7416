import { type Encoder, encodeToFit } from "./encode-to-fit";
import {
  type AcceptedImageType,
  isAcceptedImageType,
  maxUploadBytes,
  maxUploadSide,
} from "./image-upload-policy";

/**
 * The browser's half of an image upload: refuse what the app does not take, then shrink and
 * re-encode what it does, so what is uploaded is small enough for the server to take.
 * Re-encoding always (even an image already small enough) also drops the file's metadata,
 * such as where a photo was taken.
 */

/** Larger files are refused before decoding: a phone photo is a few MB, a 50 MB one is not. */
export const maxSourceBytes = 50 * 1024 * 1024;
/** Decoding more pixels than this can exhaust a phone's memory (a 40 MP photo is 160 MB raw). */
export const maxSourcePixels = 60_000_000;
const lossyQuality = 0.9;

export type ImageRefusalReason = "type" | "too-large" | "unreadable";

/** Why a file cannot be used, in words for the person who chose it. */
export class ImageInputError extends Error {
  constructor(
    readonly reason: ImageRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = "ImageInputError";
  }
}

const typeNames = "PNG, JPEG or WebP";

/** Throws an `ImageInputError` for a file the app cannot take, before anything is decoded. */
export function checkImageFile(file: { type: string; size: number; name?: string }): void {
  if (!isAcceptedImageType(file.type)) {
    const what = file.type ? `of type ${file.type}` : "not an image this browser recognises";
    throw new ImageInputError(
      "type",
      `${file.name ?? "This file"} is ${what}: choose a ${typeNames} image.`,
    );
  }
  if (file.size > maxSourceBytes) {
    throw new ImageInputError(
      "too-large",
      `This image is ${Math.round(file.size / 1024 / 1024)} MB: choose one under ${maxSourceBytes / 1024 / 1024} MB.`,
    );
  }
}

export type ShrinkPlan = { width: number; height: number; type: AcceptedImageType };

/**
 * The size and type an image is re-encoded to: its longest side at most `maxUploadSide`, its
 * aspect ratio kept, its type kept (PNG stays lossless, so transparency and line art survive).
 */
export function shrinkPlan(source: { width: number; height: number; type: string }): ShrinkPlan {
  const { width, height } = source;
  if (!isAcceptedImageType(source.type)) {
    throw new ImageInputError("type", `Choose a ${typeNames} image.`);
  }
  if (!(width >= 1 && height >= 1)) throw new ImageInputError("unreadable", "This image is empty.");
  if (width * height > maxSourcePixels) {
    throw new ImageInputError(
      "too-large",
      `This image is ${width} × ${height} pixels, too large to shrink in the browser: choose one under ${maxSourcePixels / 1_000_000} megapixels.`,
    );
  }
  const scale = Math.min(1, maxUploadSide / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
    type: source.type,
  };
}

export type ShrunkImage = { file: File; width: number; height: number };

/**
 * A file the browser can read, shrunk and re-encoded to at most `maxUploadBytes` (a 2048 px
 * PNG photo is 5 to 8 MB); throws an `ImageInputError` otherwise. Its width and height are
 * those of the file it returns, which may be smaller than the plan when only that fits.
 */
export async function shrinkImage(file: File): Promise<ShrunkImage> {
  checkImageFile(file);
  const bitmap = await createImageBitmap(file).catch(() => {
    throw new ImageInputError("unreadable", `${file.name} could not be read as an image.`);
  });
  try {
    const plan = shrinkPlan({ width: bitmap.width, height: bitmap.height, type: file.type });
    const fitted = await encodeToFit(plan, canvasEncoder(bitmap));
    if (!fitted) {
      throw new ImageInputError(
        "too-large",
        `${file.name} could not be made small enough to upload: at most ${maxUploadBytes / 1024 / 1024} MB.`,
      );
    }
    const shrunk = new File([fitted.blob], renamed(file.name, fitted.type), { type: fitted.type });
    return { file: shrunk, width: fitted.width, height: fitted.height };
  } finally {
    bitmap.close();
  }
}

/** Draws the decoded image afresh for each attempt: scaling from the source keeps it sharp. */
function canvasEncoder(bitmap: ImageBitmap): Encoder {
  return async ({ width, height, type }) => {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext("2d");
    if (!context) throw new ImageInputError("unreadable", "This browser cannot resize images.");
    // JPEG has no transparency: a transparent PNG turned JPEG lies on white, not black.
    if (type === "image/jpeg") {
      context.fillStyle = "#fff";
      context.fillRect(0, 0, width, height);
    }
    context.imageSmoothingQuality = "high";
    context.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type, quality: lossyQuality });
  };
}

const extensions: Record<AcceptedImageType, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
};

/** The file's name with the extension of what it now is: `photo.HEIC.jpeg` → `photo.HEIC.jpg`. */
export function renamed(name: string, type: AcceptedImageType): string {
  const base = name.replace(/\.[A-Za-z0-9]{1,5}$/, "") || "image";
  return `${base}.${extensions[type]}`;
}

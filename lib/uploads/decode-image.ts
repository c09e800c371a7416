import "server-only";
import sharp from "sharp";
import { AppError } from "@/lib/errors/app-error";
import { type AcceptedImageType, acceptedImageTypes, maxUploadSide } from "./image-upload-policy";

/**
 * An image the server has decoded and written again itself: the only kind fal is given. Its
 * size is what the pixels are, not what a header says, and the file holds nothing else (no
 * EXIF, so no GPS position; no trailing bytes; no second reading of the same bytes).
 */
export type CleanImage = {
  bytes: Buffer;
  contentType: AcceptedImageType;
  width: number;
  height: number;
};

type Format = "png" | "jpeg" | "webp";

const typeOfFormat: Record<Format, AcceptedImageType> = {
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
};

/**
 * The first bytes of each accepted format. Checked before libvips sees the file, so nothing
 * but these three decoders ever runs on an upload (libvips would read SVG, GIF, TIFF, HEIF…).
 */
function sniffFormat(bytes: Buffer): Format | undefined {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return "png";
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.toString("latin1", 0, 4) === "RIFF" && bytes.toString("latin1", 8, 12) === "WEBP") {
    return "webp";
  }
  return undefined;
}

const notAnImage = () =>
  new AppError(
    "unsupported_upload_type",
    415,
    `Only PNG, JPEG and WebP images can be uploaded (${acceptedImageTypes.join(", ")}).`,
  );

const undecodable = () =>
  new AppError(
    "invalid_upload",
    400,
    "The image could not be decoded cleanly: it is damaged, truncated or not what its type says. Save it again as PNG, JPEG or WebP and upload that.",
  );

const tooLarge = (width: number, height: number, maxSide: number) =>
  new AppError(
    "invalid_upload",
    400,
    `The image is ${width} × ${height} pixels; at most ${maxSide} pixels a side is accepted.`,
  );

/**
 * Decodes `bytes` (sent as `declared`) whole with libvips (libpng/libspng, libjpeg-turbo, libwebp), failing on any
 * warning (a truncated or damaged file), and re-encodes it in its own format. The size a
 * header declares is only used to refuse early: a file declaring more pixels than
 * `maxSide × maxSide` is refused before any pixel is decoded, so a decompression bomb costs
 * nothing. What is returned, and charged, is the size of the pixels that were decoded.
 */
export async function decodeImage(
  bytes: Buffer,
  declared: AcceptedImageType,
  maxSide = maxUploadSide,
): Promise<CleanImage> {
  const format = sniffFormat(bytes);
  if (!format) throw notAnImage();
  if (typeOfFormat[format] !== declared) {
    throw new AppError(
      "invalid_upload",
      400,
      `The file is a ${format.toUpperCase()} image but was sent as ${declared}.`,
    );
  }
  const header = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw undecodable();
    });
  if (header.format !== format) throw undecodable();
  // The size once upright: orientation 5 to 8 turns the picture a quarter and swaps its sides.
  const { width, height } = header.autoOrient;
  if (Math.max(width, height) > maxSide) throw tooLarge(width, height, maxSide);

  const decoded = sharp(bytes, { failOn: "warning", limitInputPixels: maxSide * maxSide })
    // Upright as it looked: the orientation goes with the rest of the metadata.
    .autoOrient();
  const encoded = await (format === "png"
    ? decoded.png()
    : format === "jpeg"
      ? decoded.jpeg({ quality: 90 })
      : decoded.webp({ quality: 90 })
  )
    .toBuffer({ resolveWithObject: true })
    .catch(() => {
      throw undecodable();
    });
  const { info } = encoded;
  if (Math.max(info.width, info.height) > maxSide) throw tooLarge(info.width, info.height, maxSide);
  return {
    bytes: encoded.data,
    contentType: typeOfFormat[format],
    width: info.width,
    height: info.height,
  };
}

/** The file name the server gives a clean image at fal: never the name the browser sent. */
export function storedFileName(image: Pick<CleanImage, "contentType">, id: string): string {
  const extension = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" }[
    image.contentType
  ];
  return `${id}.${extension}`;
}

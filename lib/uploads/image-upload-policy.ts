/**
 * What an image upload may be, named once: the browser shrinks and re-encodes to it before
 * uploading, and the upload route refuses anything else (lib/uploads/image-upload-route.ts).
 */
export const acceptedImageTypes = ["image/png", "image/jpeg", "image/webp"] as const;
export type AcceptedImageType = (typeof acceptedImageTypes)[number];

/**
 * Where the browser sends an image for a model: the server decodes it, writes it to fal's
 * storage itself and answers the file's URL (the proxy does not start storage uploads).
 */
export const imageUploadPath = "/api/uploads";

/** The longest side, in pixels, of an image after the browser shrinks it. */
export const maxUploadSide = 2048;

/** The largest upload the app's server takes: under Vercel's 4.5 MB request body limit. */
export const maxUploadBytes = 4 * 1024 * 1024;

export function isAcceptedImageType(type: string): type is AcceptedImageType {
  return (acceptedImageTypes as readonly string[]).includes(type);
}

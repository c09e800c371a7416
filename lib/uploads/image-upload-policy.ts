/**
 * What an image upload may be, named once: the browser shrinks and re-encodes to it before
 * uploading, and the proxy refuses a storage upload that declares anything else.
 */
export const acceptedImageTypes = ["image/png", "image/jpeg", "image/webp"] as const;
export type AcceptedImageType = (typeof acceptedImageTypes)[number];

/** The longest side, in pixels, of an image after the browser shrinks it. */
export const maxUploadSide = 2048;

export function isAcceptedImageType(type: string): type is AcceptedImageType {
  return (acceptedImageTypes as readonly string[]).includes(type);
}

/** The largest upload the app's server takes: under Vercel's 4.5 MB request body limit. */
export const maxUploadBytes = 4 * 1024 * 1024;

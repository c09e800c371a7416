import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import {
  type AcceptedImageType,
  acceptedImageTypes,
  isAcceptedImageType,
} from "@/lib/uploads/image-upload-policy";

/** The body of a storage upload initiate, checked: what the proxy sends on to fal. */
export type UploadInitiate = { content_type: AcceptedImageType; file_name: string };

/** Long enough for any name a camera or a phone gives a photo; fal keeps it in the file's URL. */
export const maxUploadFileNameLength = 200;

// Exactly the keys `fal.storage.upload` sends (@fal-ai/client 1.10, `initiateUpload`).
const initiateBody = z.strictObject({ content_type: z.string(), file_name: z.string() });

// Control, format (bidi overrides, zero-width) and line-separator characters, and path
// separators: a name that could hide its real extension, or mean a path, is not a file name.
const unsafeFileName = /[\p{C}\p{Zl}\p{Zp}/\\]/u;
const looksLikeAMediaType = /^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*$/i;

const invalidUpload = (field: string, message: string) =>
  new AppError("invalid_upload", 400, message, { field });

/**
 * The upload policy: the initiate call must declare an image type the app accepts and a
 * plain file name, and nothing else. It is the browser's word: the bytes go from the browser
 * to fal's storage URL, so the server never sees them (model inputs are checked at submit).
 */
export function checkUploadRequest(body: unknown): UploadInitiate {
  const parsed = initiateBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.code === "unrecognized_keys") {
      throw invalidUpload(
        "body",
        "An upload sends only content_type and file_name; the body has other keys.",
      );
    }
    const field = String(issue?.path[0] ?? "body");
    throw invalidUpload(field, `An upload must send ${field} as a string.`);
  }
  const { content_type, file_name } = parsed.data;
  if (!isAcceptedImageType(content_type)) {
    const declared = looksLikeAMediaType.test(content_type) && content_type.length <= 100;
    throw new AppError(
      "unsupported_upload_type",
      415,
      `Only ${acceptedImageTypes.join(", ")} images can be uploaded${declared ? `, not ${content_type}` : ""}.`,
      { field: "content_type" },
    );
  }
  const length = [...file_name].length;
  if (length === 0 || length > maxUploadFileNameLength) {
    throw invalidUpload(
      "file_name",
      `The file name must be 1 to ${maxUploadFileNameLength} characters long.`,
    );
  }
  if (unsafeFileName.test(file_name) || file_name.startsWith(".") || !file_name.trim()) {
    throw invalidUpload(
      "file_name",
      "The file name must be a plain name: no slashes, control or invisible characters, and not starting with a dot.",
    );
  }
  return { content_type, file_name };
}

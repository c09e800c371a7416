/** An image model's input, read from the emulator's own files: uploads, images, edits. */
import type { EmulatorContext } from "./context";
import { findFile } from "./file-routes";

/** The file's bytes, or why the emulator cannot read it (the message of fal's 422). */
export async function readSource(context: EmulatorContext, raw: string): Promise<Buffer | string> {
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (url?.origin !== context.publicUrl) {
    return "Could not load the image: the emulator reads only its own files (uploads and outputs)";
  }
  const file = await findFile(context, url.pathname);
  return file
    ? file.bytes
    : "Could not load the image: there is no such file (it may have expired)";
}

import "server-only";
import { ApiError, createFalClient } from "@fal-ai/client";
import { AppError } from "@/lib/errors/app-error";
import { falKey } from "./server-credentials";

export type FileForFal = { bytes: Buffer; contentType: string; fileName: string };

/**
 * Puts a file in fal's storage: its URL on fal's media hosts, or the status fal refused it
 * with. Throws when fal did not answer (a 504 `AppError` after the timeout).
 */
export type FalStorage = (file: FileForFal) => Promise<{ url: string } | { falStatus: number }>;

/**
 * fal's storage, written by the server with the server's key: `storage.upload` asks fal for an
 * upload URL and PUTs the bytes to it. That URL never leaves the server, so nobody can write
 * to the file after the server checked it.
 */
export function falStorage(timeoutMs: number): FalStorage {
  return async ({ bytes, contentType, fileName }) => {
    const signal = AbortSignal.timeout(timeoutMs);
    const fal = createFalClient({
      credentials: falKey(),
      // The client takes no signal for uploads: every call it makes gets this one.
      fetch: (input, init) => fetch(input, { ...init, signal }),
    });
    const file = new File([new Uint8Array(bytes)], fileName, { type: contentType });
    try {
      return { url: await fal.storage.upload(file) };
    } catch (error) {
      if (error instanceof ApiError) {
        console.error(`fal storage: answered ${error.status}: ${error.message}`);
        return { falStatus: error.status };
      }
      if (!signal.aborted) throw error;
      throw new AppError(
        "upstream_timeout",
        504,
        `fal did not store the image within ${timeoutMs / 1000} s. Try again.`,
      );
    }
  };
}

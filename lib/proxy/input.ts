import "server-only";
import { checkModelInput } from "@/lib/catalog/check-model-input";
import type { ExtraMediaOrigins } from "@/lib/catalog/media-url";
import type { ModelInput } from "@/lib/catalog/model-input";
import type { CatalogModel } from "@/lib/catalog/models";
import { AppError } from "@/lib/errors/app-error";
import type { ProxyTarget } from "./target";

/** A model run the proxy may forward: its catalog entry, and its input as checked. */
export type ModelRun = { model: CatalogModel; input: ModelInput };

/** What a call sends on: nothing (GET, cancel), a checked model run, or nothing else. */
export type CallInput = { body?: object; run?: ModelRun };

/**
 * Stage "body and input": a POST's body, JSON within `maxBytes` (415, 413, 400), and for a
 * model run its input checked against the catalog entry (400 naming the field). What goes on
 * to fal is the checked object, never the caller's text.
 */
export async function readInput(
  request: Request,
  target: ProxyTarget,
  limits: { maxBodyBytes: number; mediaOrigins: ExtraMediaOrigins },
): Promise<CallInput> {
  if (request.method !== "POST") return {};
  const body = await readJsonBody(request, limits.maxBodyBytes);
  if (!target.model) return { body };
  const checked = checkModelInput(target.model, body, limits.mediaOrigins);
  if (!checked.ok) {
    const { field, message } = checked.refusal;
    throw new AppError("invalid_input", 400, message, { field });
  }
  return { body: checked.input, run: { model: target.model, input: checked.input } };
}

/** The body of a POST: JSON, an object, and at most `maxBytes`, or a refusal saying which. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<object> {
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new AppError("unsupported_media_type", 415, "The request body must be application/json.");
  }
  const bytes = await readBody(
    request,
    maxBytes,
    () =>
      new AppError("payload_too_large", 413, `The request body is larger than ${maxBytes} bytes.`),
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeUtf8(bytes));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("invalid_body", 400, "The request body is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new AppError("invalid_body", 400, "The request body must be a JSON object.");
  }
  return parsed;
}

/**
 * A request's body, at most `maxBytes`, or the error `tooLarge` makes (only then: an error
 * records its stack, which costs more than reading a small body): the declared length may be
 * absent or false, so what actually arrives is counted, and the rest is never read.
 */
export async function readBody(
  request: Request,
  maxBytes: number,
  tooLarge: () => AppError,
): Promise<Buffer> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      size += read.value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(read.value);
    }
  }
  return Buffer.concat(chunks);
}

// One for every call: without `stream`, each `decode` starts afresh.
const utf8 = new TextDecoder("utf-8", { fatal: true });

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new AppError("invalid_body", 400, "The request body is not valid UTF-8.");
  }
}

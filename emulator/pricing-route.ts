/**
 * `api.fal.ai/v1/models/pricing`: fal's Platform API price lookup, for the price refresh
 * script. Ids the table does not know are left out of the answer, as fal leaves them out.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { applyFault, type EmulatorContext } from "./context";
import { sendDetail, sendJson } from "./http-utils";
import { emulatedPrices } from "./price-table";

export const MAX_PRICED_IDS = 50;

type ParsedIds = { ok: true; ids: string[] } | { ok: false; message: string };

/** `endpoint_id=a,b` and `endpoint_id=a&endpoint_id=b` both name a and b, as at fal. */
export function parseEndpointIds(query: URLSearchParams): ParsedIds {
  const ids = query
    .getAll("endpoint_id")
    .flatMap((value) => value.split(","))
    .map((id) => id.trim())
    .filter(Boolean);
  if (ids.length === 0) return { ok: false, message: "endpoint_id is required" };
  if (ids.length > MAX_PRICED_IDS) {
    return {
      ok: false,
      message: `endpoint_id accepts 1 to ${MAX_PRICED_IDS} ids, got ${ids.length}`,
    };
  }
  return { ok: true, ids: [...new Set(ids)] };
}

/** The Platform API reports errors as `{ error: { type, message } }`, not the queue's `detail`. */
function sendPlatformError(res: ServerResponse, status: number, type: string, message: string) {
  sendJson(res, status, { error: { type, message } });
}

/** Requests under `/api.fal.ai/`, already authenticated. */
export function handlePlatformApi(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  segments: string[],
  url: URL,
): void {
  if (segments.join("/") !== "v1/models/pricing") {
    sendDetail(res, 404, "Not found");
  } else if (req.method !== "GET") {
    sendPlatformError(res, 405, "method_not_allowed", "Only GET is supported");
  } else if (!applyFault(ctx, "pricing", req, res)) {
    sendPrices(res, url.searchParams);
  }
}

function sendPrices(res: ServerResponse, query: URLSearchParams): void {
  const parsed = parseEndpointIds(query);
  if (!parsed.ok) {
    sendPlatformError(res, 400, "validation_error", parsed.message);
    return;
  }
  const prices = parsed.ids.flatMap((id) => {
    const price = emulatedPrices.get(id);
    if (!price) return [];
    return [
      { endpoint_id: id, unit_price: price.unitPrice, unit: price.unit, currency: price.currency },
    ];
  });
  sendJson(res, 200, { prices });
}

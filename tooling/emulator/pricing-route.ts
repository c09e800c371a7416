/**
 * `api.fal.ai/v1/models/pricing`: fal's Platform API price lookup, for the price refresh
 * script. Ids the table does not know are left out of the answer, as fal leaves them out.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { applyFault, type EmulatorContext } from "./context";
import { sendDetail, sendJson } from "./http-utils";
import { emulatedPrices } from "./price-table";

export const maxPricedIds = 50;

type ParsedIds = { ok: true; ids: string[] } | { ok: false; message: string };

/** `endpoint_id=a,b` and `endpoint_id=a&endpoint_id=b` both name a and b, as at fal. */
export function parseEndpointIds(query: URLSearchParams): ParsedIds {
  const ids = query
    .getAll("endpoint_id")
    .flatMap((value) => value.split(","))
    .map((id) => id.trim())
    .filter(Boolean);
  if (ids.length === 0) return { ok: false, message: "endpoint_id is required" };
  if (ids.length > maxPricedIds) {
    return {
      ok: false,
      message: `endpoint_id accepts 1 to ${maxPricedIds} ids, got ${ids.length}`,
    };
  }
  return { ok: true, ids: [...new Set(ids)] };
}

/** The Platform API reports errors as `{ error: { type, message } }`, not the queue's `detail`. */
function sendPlatformError(
  response: ServerResponse,
  status: number,
  type: string,
  message: string,
) {
  sendJson(response, status, { error: { type, message } });
}

/** Requests under `/api.fal.ai/`, already authenticated. */
export function handlePlatformApi(
  context: EmulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  segments: string[],
  url: URL,
): void {
  if (segments.join("/") !== "v1/models/pricing") {
    sendDetail(response, 404, "Not found");
  } else if (request.method !== "GET") {
    sendPlatformError(response, 405, "method_not_allowed", "Only GET is supported");
  } else if (!applyFault(context, "pricing", request, response)) {
    sendPrices(response, url.searchParams);
  }
}

function sendPrices(response: ServerResponse, query: URLSearchParams): void {
  const parsed = parseEndpointIds(query);
  if (!parsed.ok) {
    sendPlatformError(response, 400, "validation_error", parsed.message);
    return;
  }
  const prices = parsed.ids.flatMap((id) => {
    const price = emulatedPrices.get(id);
    if (!price) return [];
    return [
      { endpoint_id: id, unit_price: price.unitPrice, unit: price.unit, currency: price.currency },
    ];
  });
  sendJson(response, 200, { prices });
}

/**
 * `/__emulator/*`: test controls, JSON in and out, no key. They exist so e2e tests can
 * slow the queue, inject failures and check what reached the "fal" side.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorContext, Timing } from "./context";
import { parseFault } from "./faults";
import { readJson, sendDetail, sendJson } from "./http-utils";
import { scheduleTimes } from "./request-lifecycle";

export const maxDurationMs = 10 * 60 * 1000;

type ParsedTiming = { ok: true; value: Partial<Timing> } | { ok: false; message: string };

export function parseTiming(body: unknown): ParsedTiming {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, message: "Body must be a JSON object" };
  }
  const value: Partial<Timing> = {};
  for (const key of ["queueMs", "runMs", "videoRunMs"] as const) {
    const raw = (body as Record<string, unknown>)[key];
    if (raw === undefined) continue;
    if (typeof raw !== "number" || !Number.isInteger(raw) || raw < 0 || raw > maxDurationMs) {
      return { ok: false, message: `"${key}" must be an integer from 0 to ${maxDurationMs}` };
    }
    value[key] = raw;
  }
  return { ok: true, value };
}

export async function handleControl(
  context: EmulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  segments: string[],
): Promise<void> {
  const route = `${request.method} ${segments.join("/")}`;
  if (route === "GET health") return sendJson(response, 200, { ok: true });

  if (route === "POST faults") {
    const parsed = parseFault(await readJson(request, 400));
    if (!parsed.ok) return sendDetail(response, 400, parsed.message);
    context.faults.arm(parsed.on, parsed.fault, parsed.times);
    return sendJson(response, 200, { armed: context.faults.pending() });
  }
  if (route === "GET faults") return sendJson(response, 200, { armed: context.faults.pending() });

  if (route === "POST timing") {
    const parsed = parseTiming(await readJson(request, 400));
    if (!parsed.ok) return sendDetail(response, 400, parsed.message);
    context.timing = { ...context.timing, ...parsed.value };
    return sendJson(response, 200, context.timing);
  }
  if (route === "GET timing") return sendJson(response, 200, context.timing);
  if (route === "GET received") return sendJson(response, 200, context.received);

  if (route === "POST reset") {
    context.faults.clear();
    for (const socket of context.hanging) socket.destroy();
    context.timing = { ...context.startTiming };
    return sendJson(response, 200, { ok: true, timing: context.timing });
  }

  const [first, requestId, ...rest] = segments;
  if (request.method === "GET" && first === "requests" && requestId && rest.length === 0) {
    const record = context.store.get(requestId);
    if (!record) return sendDetail(response, 404, "Request not found");
    return sendJson(response, 200, {
      request_id: record.requestId,
      endpoint: record.endpointId,
      status: context.store.phase(record),
      input: record.received,
      ...scheduleTimes(record),
    });
  }
  return sendDetail(response, 404, "Not found");
}

/**
 * `/__emulator/*`: test controls, JSON in and out, no key. They exist so e2e tests can
 * slow the queue, inject failures and check what reached the "fal" side.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorContext, Timing } from "./context";
import { parseFault } from "./faults";
import { readJson, sendDetail, sendJson } from "./http-utils";
import { scheduleTimes } from "./request-lifecycle";

export const MAX_DURATION_MS = 10 * 60 * 1000;

type ParsedTiming = { ok: true; value: Partial<Timing> } | { ok: false; message: string };

export function parseTiming(body: unknown): ParsedTiming {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, message: "Body must be a JSON object" };
  }
  const value: Partial<Timing> = {};
  for (const key of ["queueMs", "runMs"] as const) {
    const raw = (body as Record<string, unknown>)[key];
    if (raw === undefined) continue;
    if (typeof raw !== "number" || !Number.isInteger(raw) || raw < 0 || raw > MAX_DURATION_MS) {
      return { ok: false, message: `"${key}" must be an integer from 0 to ${MAX_DURATION_MS}` };
    }
    value[key] = raw;
  }
  return { ok: true, value };
}

export async function handleControl(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  segments: string[],
): Promise<void> {
  const route = `${req.method} ${segments.join("/")}`;
  if (route === "GET health") return sendJson(res, 200, { ok: true });

  if (route === "POST faults") {
    const parsed = parseFault(await readJson(req, 400));
    if (!parsed.ok) return sendDetail(res, 400, parsed.message);
    ctx.faults.arm(parsed.on, parsed.fault, parsed.times);
    return sendJson(res, 200, { armed: ctx.faults.pending() });
  }
  if (route === "GET faults") return sendJson(res, 200, { armed: ctx.faults.pending() });

  if (route === "POST timing") {
    const parsed = parseTiming(await readJson(req, 400));
    if (!parsed.ok) return sendDetail(res, 400, parsed.message);
    ctx.timing = { ...ctx.timing, ...parsed.value };
    return sendJson(res, 200, ctx.timing);
  }
  if (route === "GET timing") return sendJson(res, 200, ctx.timing);
  if (route === "GET received") return sendJson(res, 200, ctx.received);

  if (route === "POST reset") {
    ctx.faults.clear();
    for (const socket of ctx.hanging) socket.destroy();
    ctx.timing = { ...ctx.defaultTiming };
    return sendJson(res, 200, { ok: true, timing: ctx.timing });
  }

  const [first, requestId, ...rest] = segments;
  if (req.method === "GET" && first === "requests" && requestId && rest.length === 0) {
    const record = ctx.store.get(requestId);
    if (!record) return sendDetail(res, 404, "Request not found");
    return sendJson(res, 200, {
      request_id: record.requestId,
      endpoint: record.endpointId,
      status: ctx.store.phase(record),
      input: record.received,
      ...scheduleTimes(record),
    });
  }
  return sendDetail(res, 404, "Not found");
}

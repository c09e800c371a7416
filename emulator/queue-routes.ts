/** `queue.fal.run`: submit, status, status stream, result and cancel. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { applyFault, type EmulatorContext } from "./context";
import { parseQueueRoute, queueUrls } from "./fal-paths";
import type { FaultTarget } from "./faults";
import { readJson, sendDetail, sendJson } from "./http-utils";
import { validateInput } from "./model-input";
import { buildOutput, withSeed } from "./model-output";
import { CANCELLED_MESSAGE } from "./queue-store";
import { streamStatus } from "./status-stream";

const FAULT_FOR: Record<string, FaultTarget> = {
  submit: "submit",
  status: "status",
  stream: "status",
  result: "result",
  cancel: "cancel",
};

export async function handleQueue(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  segments: string[],
  url: URL,
): Promise<void> {
  const route = parseQueueRoute(req.method ?? "GET", segments);
  if (!route) return sendDetail(res, 404, "Not found");
  const fault = FAULT_FOR[route.kind];
  if (fault && applyFault(ctx, fault, req, res)) return;

  if (route.kind === "submit") {
    const received = await readJson(req);
    ctx.received.modelRuns += 1;
    const checked = validateInput(received);
    if (!checked.ok) return sendDetail(res, 422, checked.errors);
    const record = ctx.store.submit({
      endpointId: route.endpointId,
      appPath: route.appPath,
      input: withSeed(checked.value),
      received,
      ...ctx.timing,
    });
    const status = ctx.store.status(record, false);
    return sendJson(res, 200, {
      status: "IN_QUEUE",
      request_id: record.requestId,
      ...queueUrls(record.appPath, record.requestId),
      queue_position: status.queue_position ?? 0,
    });
  }

  const record = ctx.store.find(route.appPath, route.requestId);
  if (route.kind === "cancel") {
    const outcome = ctx.store.cancel(record);
    if (outcome === "cancelled") return sendJson(res, 202, { status: "CANCELLATION_REQUESTED" });
    if (outcome === "already_completed") return sendJson(res, 400, { status: "ALREADY_COMPLETED" });
    return sendJson(res, 404, { status: "NOT_FOUND", detail: "Request not found" });
  }
  if (!record) return sendDetail(res, 404, "Request not found");

  const withLogs = url.searchParams.get("logs") === "1";
  if (route.kind === "status") {
    const body = ctx.store.status(record, withLogs);
    return sendJson(res, body.status === "COMPLETED" ? 200 : 202, body);
  }
  if (route.kind === "stream") return streamStatus(ctx.store, record, withLogs, res);

  const phase = ctx.store.phase(record);
  if (phase === "CANCELLED") return sendDetail(res, 400, CANCELLED_MESSAGE);
  if (phase !== "COMPLETED") return sendDetail(res, 400, "Request is still in progress");
  const output = buildOutput(record.input, ctx.publicUrl, record.runMs);
  return sendJson(res, 200, output, { "x-fal-request-id": record.requestId });
}

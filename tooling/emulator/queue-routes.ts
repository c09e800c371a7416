/** `queue.fal.run`: submit, status, status stream, result and cancel. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { applyFault, type EmulatorContext } from "./context";
import { parseQueueRoute, queueUrls } from "./fal-paths";
import type { FaultTarget } from "./faults";
import { findFile } from "./file-routes";
import { readJson, sendDetail, sendJson } from "./http-utils";
import { buildOutput, isVideoRun, type ModelOutput, type VideoOutput } from "./model-output";
import { prepareRun } from "./prepare-run";
import { cancelledMessage } from "./queue-store";
import { streamStatus } from "./status-stream";

const faultFor: Record<string, FaultTarget> = {
  submit: "submit",
  status: "status",
  stream: "status",
  result: "result",
  cancel: "cancel",
};

export async function handleQueue(
  context: EmulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  segments: string[],
  url: URL,
): Promise<void> {
  const route = parseQueueRoute(request.method ?? "GET", segments);
  if (!route) return sendDetail(response, 404, "Not found");
  const fault = faultFor[route.kind];
  if (fault && applyFault(context, fault, request, response)) return;

  if (route.kind === "submit") {
    const received = await readJson(request);
    context.received.modelRuns += 1;
    const checked = await prepareRun(context, route.endpointId, received);
    if (!checked.ok) return sendDetail(response, 422, checked.errors);
    const { queueMs, runMs, videoRunMs } = context.timing;
    const record = context.store.submit({
      endpointId: route.endpointId,
      appPath: route.appPath,
      input: checked.value,
      received,
      queueMs,
      runMs: isVideoRun(checked.value) ? videoRunMs : runMs,
    });
    const status = context.store.status(record, false);
    return sendJson(response, 200, {
      status: "IN_QUEUE",
      request_id: record.requestId,
      ...queueUrls(record.appPath, record.requestId),
      queue_position: status.queue_position ?? 0,
    });
  }

  const record = context.store.find(route.appPath, route.requestId);
  if (route.kind === "cancel") {
    const outcome = context.store.cancel(record);
    if (outcome === "cancelled")
      return sendJson(response, 202, { status: "CANCELLATION_REQUESTED" });
    if (outcome === "already_completed")
      return sendJson(response, 400, { status: "ALREADY_COMPLETED" });
    return sendJson(response, 404, { status: "NOT_FOUND", detail: "Request not found" });
  }
  if (!record) return sendDetail(response, 404, "Request not found");

  const withLogs = url.searchParams.get("logs") === "1";
  const output = buildOutput(record.input, context.publicUrl, record.runMs);
  prepareFiles(context, output);
  if (route.kind === "status") {
    const body = context.store.status(record, withLogs);
    return sendJson(response, body.status === "COMPLETED" ? 200 : 202, body);
  }
  if (route.kind === "stream") return streamStatus(context.store, record, withLogs, response);

  const phase = context.store.phase(record);
  if (phase === "CANCELLED") return sendDetail(response, 400, cancelledMessage);
  if (phase !== "COMPLETED") return sendDetail(response, 400, "Request is still in progress");
  return sendJson(response, 200, output, { "x-fal-request-id": record.requestId });
}

/**
 * fal's files exist once its run completes. The emulator draws them on demand, so it starts as
 * soon as someone watches the run (a status read, a stream, the result), not when a browser
 * first asks for the file; a run nobody watches costs no drawing. The drawing is cached, and
 * a failed one is tried again on the file's request.
 */
function prepareFiles(context: EmulatorContext, output: ModelOutput | VideoOutput) {
  const urls = "images" in output ? output.images.map((image) => image.url) : [output.video.url];
  for (const file of urls) findFile(context, new URL(file).pathname).catch(() => {});
}

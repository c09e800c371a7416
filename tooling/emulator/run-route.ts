/** `fal.run`: the synchronous run, answered after the run duration. */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { applyFault, type EmulatorContext } from "./context";
import { appPathOf } from "./fal-paths";
import { readJson, sendDetail, sendJson } from "./http-utils";
import { buildOutput, isVideoRun } from "./model-output";
import { prepareRun } from "./prepare-run";

export async function handleRun(
  context: EmulatorContext,
  request: IncomingMessage,
  response: ServerResponse,
  segments: string[],
): Promise<void> {
  const endpointId = segments.join("/");
  if (!appPathOf(endpointId)) return sendDetail(response, 404, "Not found");
  if (request.method !== "POST") return sendDetail(response, 405, "Method not allowed");
  if (applyFault(context, "run", request, response)) return;

  const received = await readJson(request);
  context.received.modelRuns += 1;
  const checked = await prepareRun(context, endpointId, received);
  // A caller that left while its input image was decoded has no run to wait for.
  if (response.destroyed) return;
  if (!checked.ok) return sendDetail(response, 422, checked.errors);
  const input = checked.value;
  const { runMs: imageMs, videoRunMs } = context.timing;
  const runMs = isVideoRun(input) ? videoRunMs : imageMs;
  const requestId = randomUUID();
  const timer = setTimeout(() => {
    if (response.destroyed) return;
    const output = buildOutput(input, context.publicUrl, runMs);
    sendJson(response, 200, output, { "x-fal-request-id": requestId });
  }, runMs);
  // A caller that gives up must not leave a timer holding the process open.
  response.on("close", () => clearTimeout(timer));
}

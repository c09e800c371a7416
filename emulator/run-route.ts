/** `fal.run`: the synchronous run, answered after the run duration. */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { applyFault, type EmulatorContext } from "./context";
import { appPathOf } from "./fal-paths";
import { readJson, sendDetail, sendJson } from "./http-utils";
import { validateInput } from "./model-input";
import { buildOutput, withSeed } from "./model-output";

export async function handleRun(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  segments: string[],
): Promise<void> {
  const endpointId = segments.join("/");
  if (!appPathOf(endpointId)) return sendDetail(res, 404, "Not found");
  if (req.method !== "POST") return sendDetail(res, 405, "Method not allowed");
  if (applyFault(ctx, "run", req, res)) return;

  const received = await readJson(req);
  ctx.received.modelRuns += 1;
  const checked = validateInput(received);
  if (!checked.ok) return sendDetail(res, 422, checked.errors);
  const input = withSeed(checked.value);
  const { runMs } = ctx.timing;
  const requestId = randomUUID();
  const timer = setTimeout(() => {
    if (res.destroyed) return;
    const output = buildOutput(input, ctx.publicUrl, runMs);
    sendJson(res, 200, output, { "x-fal-request-id": requestId });
  }, runMs);
  // A caller that gives up must not leave a timer holding the process open.
  res.on("close", () => clearTimeout(timer));
}

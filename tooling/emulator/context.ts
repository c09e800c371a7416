import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { EditStore } from "./edits";
import type { FaultBook, FaultTarget } from "./faults";
import { sendDetail } from "./http-utils";
import type { QueueStore } from "./queue-store";
import type { RenderCache } from "./render-cache";
import type { UploadStore } from "./uploads";
import type { VideoStore } from "./video-store";

export type Timing = {
  queueMs: number;
  /** How long an image model runs. */
  runMs: number;
  /** How long a video model runs: longer, as at fal (where it is minutes). */
  videoRunMs: number;
};

export const defaultTiming: Timing = { queueMs: 400, runMs: 1200, videoRunMs: 3000 };

/** Shared state every route handler works on. */
export type EmulatorContext = {
  /** Origin (no trailing slash) that file and upload URLs point at. */
  publicUrl: string;
  store: QueueStore;
  faults: FaultBook;
  /** Connections held open by `hang` faults; a reset lets them go. */
  hanging: Set<Socket>;
  uploads: UploadStore;
  /** What the image models were asked to draw, served at `/files/edits/…`. */
  edits: EditStore;
  /** What the video models were asked to make, served at `/files/videos/…`. */
  videos: VideoStore;
  /** Recently drawn files (generated images, edits and videos). */
  renders: RenderCache;
  /** Applies to requests submitted from now on; `/__emulator/timing` changes it. */
  timing: Timing;
  /** What a reset restores: the timing the emulator started with. */
  startTiming: Timing;
  /** Model runs that reached the emulator (submits and synchronous runs), valid or not. */
  received: { modelRuns: number };
};

/**
 * Answers the request with an armed fault, if one matches. Returns true when it did, in
 * which case the caller must not touch the response again.
 */
export function applyFault(
  context: EmulatorContext,
  on: FaultTarget,
  request: IncomingMessage,
  response: ServerResponse,
): boolean {
  const fault = context.faults.take(on);
  if (!fault) return false;
  if (fault.kind === "drop") {
    request.socket.destroy();
  } else if (fault.kind === "hang") {
    const socket = request.socket;
    context.hanging.add(socket);
    socket.once("close", () => context.hanging.delete(socket));
  } else {
    sendDetail(response, fault.status, `Emulated fault: ${on} answered ${fault.status}`);
  }
  return true;
}

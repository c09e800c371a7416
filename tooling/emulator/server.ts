/**
 * A local stand-in for fal that the unchanged `@fal-ai/client` can drive. Requests for
 * `https://<fal host>/<path>` arrive as `/<fal host>/<path>` (see lib/fal/server/reroute-to-emulator.ts).
 */
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { defaultTiming, type EmulatorContext } from "./context";
import { handleControl } from "./control-routes";
import { createEditStore } from "./edits";
import { createFaultBook } from "./faults";
import { handleFile } from "./file-routes";
import { HttpError, keyFromAuthorization, sendDetail } from "./http-utils";
import { handlePlatformApi } from "./pricing-route";
import { handleQueue } from "./queue-routes";
import { createQueueStore } from "./queue-store";
import { createRenderCache } from "./render-cache";
import { handleRun } from "./run-route";
import { handleRest, handleUploadPut } from "./storage-routes";
import {
  createUploadStore,
  defaultUploadLimits,
  type UploadLimits,
  uploadPathPrefix,
} from "./uploads";
import { createVideoStore } from "./video-store";

/**
 * The fal hosts the emulator stands in for, behind the key. Its own list, so the emulator
 * stands alone; lib/fal/fal-hosts.ts reroutes the same hosts (a test checks they agree).
 */
export const emulatedHosts: ReadonlySet<string> = new Set([
  "queue.fal.run",
  "fal.run",
  "rest.fal.ai",
  "api.fal.ai",
]);

export type EmulatorOptions = {
  /** 0 picks a free port. */
  port: number;
  /** Interface to listen on; default "localhost". */
  host?: string;
  /** Origin used in file and upload URLs; default `http://localhost:<port>`. */
  publicUrl?: string;
  /** The only key accepted in `Authorization: Key <key>`. */
  falKey: string;
  /** Default queue phase length (ms), default 400. */
  queueMs?: number;
  /** Default run phase length (ms), default 1200. */
  runMs?: number;
  /** Default run phase length of a video model (ms), default 3000. */
  videoRunMs?: number;
  uploadLimits?: Partial<UploadLimits>;
};

export type RunningEmulator = {
  /** The public origin, e.g. `http://localhost:4010`. */
  url: string;
  port: number;
  close(): Promise<void>;
};

function keyMatches(header: string | undefined, expected: Buffer): boolean {
  const given = Buffer.from(keyFromAuthorization(header) ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function route(
  context: EmulatorContext,
  expectedKey: Buffer,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> | void {
  const target = request.url ?? "/";
  // Only origin-form targets; `new URL("//x/y", base)` would even treat `x` as a host.
  if (!target.startsWith("/")) return sendDetail(response, 404, "Not found");
  const url = new URL(`http://emulator.invalid${target}`);
  const [first = "", ...rest] = url.pathname.slice(1).split("/");
  if (first === "__emulator") return handleControl(context, request, response, rest);
  if (emulatedHosts.has(first)) {
    const auth = request.headers.authorization;
    if (!keyMatches(auth, expectedKey)) {
      const detail = auth ? "Invalid API key" : 'Missing "Authorization: Key <FAL_KEY>" header';
      return sendDetail(response, 401, detail);
    }
    if (first === "queue.fal.run") return handleQueue(context, request, response, rest, url);
    if (first === "fal.run") return handleRun(context, request, response, rest);
    if (first === "api.fal.ai") return handlePlatformApi(context, request, response, rest, url);
    return handleRest(context, request, response, rest);
  }
  if (url.pathname.startsWith(uploadPathPrefix))
    return handleUploadPut(context, request, response, url.pathname);
  if (first === "files") return handleFile(context, request, response, url.pathname);
  return sendDetail(response, 404, "Not found");
}

function fail(response: ServerResponse, error: unknown): void {
  if (response.headersSent || response.destroyed) {
    response.destroy();
    return;
  }
  if (error instanceof HttpError) {
    sendDetail(response, error.status, error.detail);
    return;
  }
  // Details go to the emulator's own log, never to the client.
  console.error("[emulator] unexpected error:", error);
  sendDetail(response, 500, "Internal emulator error");
}

export async function createEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  if (!options.falKey) throw new Error("createEmulator: falKey is required");
  const startTiming = {
    queueMs: options.queueMs ?? defaultTiming.queueMs,
    runMs: options.runMs ?? defaultTiming.runMs,
    videoRunMs: options.videoRunMs ?? defaultTiming.videoRunMs,
  };
  const expectedKey = Buffer.from(options.falKey);
  const context: EmulatorContext = {
    publicUrl: "",
    store: createQueueStore(),
    faults: createFaultBook(),
    hanging: new Set(),
    uploads: createUploadStore({ ...defaultUploadLimits, ...options.uploadLimits }),
    edits: createEditStore(),
    videos: createVideoStore(),
    renders: createRenderCache(),
    timing: { ...startTiming },
    startTiming,
    received: { modelRuns: 0 },
  };

  const server = createServer((request, response) => {
    try {
      Promise.resolve(route(context, expectedKey, request, response)).catch((error) =>
        fail(response, error),
      );
    } catch (error) {
      fail(response, error);
    }
  });
  // Idle keep-alive connections are left for the client to close. With a server-side
  // timeout (Node's default 5 s), a client whose own idle timer fires late (undici's do, under
  // load) can send a request on a connection the emulator is closing: "other side closed".
  server.keepAliveTimeout = 0;
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "localhost", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  context.publicUrl = (options.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, "");

  return {
    url: context.publicUrl,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Open SSE streams and keep-alive sockets would otherwise hold close() forever.
        server.closeAllConnections();
      }),
  };
}

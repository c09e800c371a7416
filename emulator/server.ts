/**
 * A local stand-in for fal that the unchanged `@fal-ai/client` can drive. Requests for
 * `https://<fal host>/<path>` arrive as `/<fal host>/<path>` (see lib/fal/reroute-to-emulator.ts).
 */
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_TIMING, type EmulatorContext } from "./context";
import { handleControl } from "./control-routes";
import { FaultBook } from "./faults";
import { handleFile, RenderCache } from "./file-routes";
import { HttpError, keyFromAuthorization, sendDetail } from "./http-utils";
import { handlePlatformApi } from "./pricing-route";
import { handleQueue } from "./queue-routes";
import { QueueStore } from "./queue-store";
import { handleRun } from "./run-route";
import { handleRest, handleUploadPut } from "./storage-routes";
import {
  DEFAULT_UPLOAD_LIMITS,
  UPLOAD_PATH_PREFIX,
  type UploadLimits,
  UploadStore,
} from "./uploads";

/**
 * The fal hosts the emulator stands in for, behind the key. Its own list, so the emulator
 * stands alone; lib/fal/fal-hosts.ts reroutes the same hosts (a test checks they agree).
 */
export const EMULATED_HOSTS: ReadonlySet<string> = new Set([
  "queue.fal.run",
  "fal.run",
  "rest.fal.ai",
  "api.fal.ai",
]);

export interface EmulatorOptions {
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
  uploadLimits?: Partial<UploadLimits>;
}

export interface RunningEmulator {
  /** The public origin, e.g. `http://localhost:4010`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

function keyMatches(header: string | undefined, expected: Buffer): boolean {
  const given = Buffer.from(keyFromAuthorization(header) ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function route(
  ctx: EmulatorContext,
  cache: RenderCache,
  expectedKey: Buffer,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> | void {
  const target = req.url ?? "/";
  // Only origin-form targets; `new URL("//x/y", base)` would even treat `x` as a host.
  if (!target.startsWith("/")) return sendDetail(res, 404, "Not found");
  const url = new URL(`http://emulator.invalid${target}`);
  const [first = "", ...rest] = url.pathname.slice(1).split("/");
  if (first === "__emulator") return handleControl(ctx, req, res, rest);
  if (EMULATED_HOSTS.has(first)) {
    const auth = req.headers.authorization;
    if (!keyMatches(auth, expectedKey)) {
      const detail = auth ? "Invalid API key" : 'Missing "Authorization: Key <FAL_KEY>" header';
      return sendDetail(res, 401, detail);
    }
    if (first === "queue.fal.run") return handleQueue(ctx, req, res, rest, url);
    if (first === "fal.run") return handleRun(ctx, req, res, rest);
    if (first === "api.fal.ai") return handlePlatformApi(ctx, req, res, rest, url);
    return handleRest(ctx, req, res, rest);
  }
  if (url.pathname.startsWith(UPLOAD_PATH_PREFIX))
    return handleUploadPut(ctx, req, res, url.pathname);
  if (first === "files") return handleFile(ctx, cache, req, res, url.pathname);
  return sendDetail(res, 404, "Not found");
}

function fail(res: ServerResponse, error: unknown): void {
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  if (error instanceof HttpError) {
    sendDetail(res, error.status, error.detail);
    return;
  }
  // Details go to the emulator's own log, never to the client.
  console.error("[emulator] unexpected error:", error);
  sendDetail(res, 500, "Internal emulator error");
}

export async function createEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  if (!options.falKey) throw new Error("createEmulator: falKey is required");
  const defaultTiming = {
    queueMs: options.queueMs ?? DEFAULT_TIMING.queueMs,
    runMs: options.runMs ?? DEFAULT_TIMING.runMs,
  };
  const cache = new RenderCache();
  const expectedKey = Buffer.from(options.falKey);
  const ctx: EmulatorContext = {
    publicUrl: "",
    store: new QueueStore(),
    faults: new FaultBook(),
    hanging: new Set(),
    uploads: new UploadStore({ ...DEFAULT_UPLOAD_LIMITS, ...options.uploadLimits }),
    timing: { ...defaultTiming },
    defaultTiming,
    received: { modelRuns: 0 },
  };

  const server = createServer((req, res) => {
    try {
      Promise.resolve(route(ctx, cache, expectedKey, req, res)).catch((error) => fail(res, error));
    } catch (error) {
      fail(res, error);
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
  ctx.publicUrl = (options.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, "");

  return {
    url: ctx.publicUrl,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Open SSE streams and keep-alive sockets would otherwise hold close() forever.
        server.closeAllConnections();
      }),
  };
}

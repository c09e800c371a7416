import "server-only";
import type { Redis } from "ioredis";
import { createReadLimiter, type ReadLimiter } from "../stores/read-limiter";
import { createStreamSlots, type StreamSlot, type StreamSlots } from "../stores/stream-slots";
import { limitStreamLifetime } from "./stream-lifetime";
import type { ProxyOperation } from "./target";

/** What the guard needs to meter status, status stream, result and cancel calls. */
export type ReadMetering = {
  limiter: ReadLimiter;
  streams: StreamSlots;
  /** How long a status stream may stay open, from the moment the proxy admits it. */
  streamMaxMs: number;
};

export type ReadSettings = { perMinute: number; streamsPerUser: number; streamMaxMs: number };

// A released slot normally leaves Redis at once; this only covers an instance that died.
const leaseMarginMs = 60_000;

export function createReadMetering(settings: ReadSettings, redis?: Redis): ReadMetering {
  return {
    limiter: createReadLimiter(settings, redis),
    streams: createStreamSlots(
      { perUser: settings.streamsPerUser, leaseMs: settings.streamMaxMs + leaseMarginMs },
      redis,
    ),
    streamMaxMs: settings.streamMaxMs,
  };
}

/** One metered call, from the guard's admission to the response it sends. */
export type MeteredCall = {
  /** For the upstream call's `.catch`: frees what the call held, then rethrows `error`. */
  fail(error: unknown): Promise<never>;
  /** The response for the browser: a status stream frees its slot when it ends, or is cut. */
  deliver(response: Response): Response;
};

const reads: ReadonlySet<ProxyOperation> = new Set(["status", "status-stream", "result", "cancel"]);

const unmetered: MeteredCall = {
  fail: (error) => Promise.reject(error),
  deliver: (response) => response,
};

/**
 * Counts a read call against the user's rate and, for a status stream, takes one of their
 * stream slots; throws the refusal (429) before anything is sent upstream. Other operations
 * pass through: submits have their own limits.
 */
export async function meterRead(
  metering: ReadMetering,
  userId: string,
  operation: ProxyOperation,
): Promise<MeteredCall> {
  if (!reads.has(operation)) return unmetered;
  await metering.limiter.charge(userId);
  if (operation !== "status-stream") return unmetered;
  const deadline = Date.now() + metering.streamMaxMs;
  const slot = await metering.streams.acquire(userId);
  return {
    async fail(error) {
      await slot.release();
      throw error;
    },
    deliver: (response) => withSlot(response, slot, deadline),
  };
}

function withSlot(response: Response, slot: StreamSlot, deadline: number): Response {
  if (!response.body) {
    void slot.release();
    return response;
  }
  const body = limitStreamLifetime(response.body, deadline, () => void slot.release());
  const { status, statusText, headers } = response;
  return new Response(body, { status, statusText, headers });
}

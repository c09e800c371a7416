import "server-only";
import type { StreamSlot } from "@/lib/stores/stream-slots";
import type { ProxyStores } from "./policy";
import { limitStreamLifetime } from "./stream-lifetime";
import type { ProxyTarget } from "./target";

/** One metered call, from its admission to the response the guard sends. */
export type MeteredCall = {
  /** fal answered 5xx and ran nothing: a run's attempt is given back (reads never are). */
  refund(): Promise<void>;
  /** For the upstream call's `.catch`: frees what the call held, then rethrows `error`. */
  fail(error: unknown): Promise<never>;
  /** The response for the browser: a status stream frees its slot when it ends, or is cut. */
  deliver(response: Response): Response;
};

const nothingHeld = {
  fail: (error: unknown) => Promise.reject(error),
  deliver: (response: Response) => response,
};

/**
 * Stage "metering": every call counts before anything is looked up, so a refusal further on
 * (another user's request id, an image that is not theirs, a run over budget) keeps its count.
 * A run takes one of the user's runs this minute and today (429 `rate_limited`); a status,
 * stream, result or cancel one of their reads this minute (429 `read_rate_limited`); a status
 * stream also one of their open-stream slots (429 `too_many_streams`), held until it ends.
 */
export async function meter(
  stores: Pick<ProxyStores, "runLimits" | "reads" | "streams">,
  userId: string,
  target: ProxyTarget,
  streamMaxMs: number,
): Promise<MeteredCall> {
  if (target.operation === "submit" || target.operation === "run") {
    const attempt = await stores.runLimits.charge(userId);
    return { ...nothingHeld, refund: attempt.refund };
  }
  await stores.reads.charge(userId);
  const refund = async () => {};
  if (target.operation !== "status-stream") return { ...nothingHeld, refund };
  const deadline = Date.now() + streamMaxMs;
  const slot = await stores.streams.acquire(userId);
  return {
    refund,
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

import "server-only";
import { callFal, type FalLibrary } from "./call-fal";
import type { ProxyStores } from "./policy";
import { endRun } from "./record";
import type { ProxyTarget } from "./target";

/** What a cancel leaves to do once fal has answered it. */
export type PendingCancel = {
  settle(
    stores: Pick<ProxyStores, "runs" | "budget">,
    userId: string,
    upstream: Response,
  ): Promise<void>;
};

/**
 * Stage "cancel": fal bills a run's outputs, so a run cancelled while still waiting in fal's
 * queue costs nothing and its charge goes back to the day it was made; a run fal had started
 * keeps it. Before the cancel is sent, fal's status is read (through the library, with the
 * server's key); an unreadable status counts as started, so a doubt never refunds.
 *
 * The race, chosen knowingly: fal may start the run between that read and the cancel. Then
 * fal bills a run the budgets were refunded for; the owner pays for that one run unbudgeted,
 * and a user cannot repeat it at will (they do not choose when fal's queue moves).
 */
export async function prepareCancel(
  library: FalLibrary,
  request: Request,
  target: ProxyTarget,
  timeoutMs: number,
): Promise<PendingCancel | undefined> {
  if (target.operation !== "cancel" || !target.requestId) return undefined;
  const requestId = target.requestId;
  const queued = await isQueuedAtFal(library, request, target, timeoutMs);
  return {
    async settle(stores, userId, upstream) {
      if (!upstream.ok) return;
      const end = { status: "cancelled", finishedAt: Date.now() } as const;
      await endRun(stores, userId, requestId, queued ? { ...end, refunded: true } : end);
    },
  };
}

async function isQueuedAtFal(
  library: FalLibrary,
  request: Request,
  target: ProxyTarget,
  timeoutMs: number,
): Promise<boolean> {
  const url = new URL(target.url.href.replace(/\/cancel$/, "/status"));
  const read = new Request(request.url, { method: "GET", headers: request.headers });
  try {
    const status = await callFal(
      library,
      read,
      { ...target, operation: "status", url },
      undefined,
      timeoutMs,
    );
    const body = (await status.json()) as { status?: unknown };
    return status.ok && body.status === "IN_QUEUE";
  } catch {
    return false;
  }
}

import type {
  CompletedQueueStatus,
  FalStream,
  QueueClient,
  QueueStatus,
  RequestLog,
} from "@fal-ai/client";

type StatusStream = Pick<FalStream<unknown, QueueStatus>, "on" | "done" | "abort">;

/** The part of fal's queue client this needs: `fal.queue` fits, and so does a test's fake. */
export type StatusQueue = {
  streamStatus(
    endpointId: string,
    options: Parameters<QueueClient["streamStatus"]>[1],
  ): Promise<StatusStream>;
  subscribeToStatus: QueueClient["subscribeToStatus"];
};

export type WaitOptions = {
  requestId: string;
  logs?: boolean;
  signal: AbortSignal;
  onQueueUpdate?: (status: QueueStatus) => void;
};

/**
 * Waits until a queued request is COMPLETED. One status stream costs one proxy call where
 * polling costs two a second; if the stream fails or ends early, polling takes over for the
 * rest of the wait, so a flaky stream never becomes the user's error. Rejects with
 * `signal.reason` once `signal` aborts.
 */
export async function waitForCompletion(
  queue: StatusQueue,
  endpointId: string,
  { requestId, logs = false, signal, onQueueUpdate }: WaitOptions,
): Promise<CompletedQueueStatus> {
  signal.throwIfAborted();
  const streamed = await streamUntilCompleted(queue, endpointId, {
    requestId,
    logs,
    signal,
    onQueueUpdate,
  });
  signal.throwIfAborted();
  if (streamed) return streamed;
  const polled = queue.subscribeToStatus(endpointId, {
    requestId,
    logs,
    mode: "polling",
    abortSignal: signal,
    onQueueUpdate,
  });
  return untilAborted(polled, signal);
}

/** The COMPLETED status the stream delivered, or undefined if it failed, ended or aborted. */
async function streamUntilCompleted(
  queue: StatusQueue,
  endpointId: string,
  { requestId, logs, signal, onQueueUpdate }: WaitOptions,
): Promise<CompletedQueueStatus | undefined> {
  let stream: StatusStream;
  try {
    stream = await queue.streamStatus(endpointId, { requestId, logs });
  } catch {
    return undefined;
  }
  // fal's client does not hand `streamStatus` an abort signal: the stream is aborted by hand.
  const abort = () => stream.abort();
  signal.addEventListener("abort", abort, { once: true });
  if (signal.aborted) abort(); // aborted while the stream was being opened
  const seenLogs: RequestLog[] = [];
  try {
    return await new Promise<CompletedQueueStatus | undefined>((resolve) => {
      stream.on("data", (frame: QueueStatus) => {
        if (signal.aborted) return;
        const update = withAllLogs(frame, seenLogs);
        onQueueUpdate?.(update);
        // Not waiting for the stream to close: after COMPLETED there is nothing to wait for.
        if (update.status === "COMPLETED") resolve(update);
      });
      // `done()` resolves, not rejects, when the stream is aborted or simply ends: either
      // way, without a COMPLETED frame first, the caller decides what comes next.
      stream.done().then(
        () => resolve(undefined),
        () => resolve(undefined),
      );
    });
  } finally {
    signal.removeEventListener("abort", abort);
  }
}

/** Each stream frame carries only the new log lines; polling and the UI expect them all. */
function withAllLogs(frame: QueueStatus, seen: RequestLog[]): QueueStatus {
  if (frame.status === "IN_QUEUE") return frame;
  // A frame has no `logs` when they were not asked for.
  seen.push(...(frame.logs ?? []));
  return { ...frame, logs: [...seen] };
}

/**
 * Polling notices an abort only at its next status call; the caller should not wait for it.
 * The polling promise's own rejection is still handled, so it is never reported as unhandled.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

import {
  ApiError,
  type CompletedQueueStatus,
  type QueueStatus,
  type RequestLog,
} from "@fal-ai/client";
import { describe, expect, it, vi } from "vitest";
import { type StatusQueue, waitForCompletion } from "./wait-for-completion";

const urls = { request_id: "r1", response_url: "", status_url: "", cancel_url: "" };
const log = (message: string): RequestLog => ({
  message,
  level: "INFO",
  source: "USER",
  timestamp: "2026-01-01T00:00:00Z",
});
const inQueue: QueueStatus = { ...urls, status: "IN_QUEUE", queue_position: 1 };
const running = (...lines: string[]): QueueStatus => ({
  ...urls,
  status: "IN_PROGRESS",
  logs: lines.map(log),
});
const completed = (...lines: string[]): CompletedQueueStatus => ({
  ...urls,
  status: "COMPLETED",
  logs: lines.map(log),
});

/** Behaves as fal's FalStream: `done()` rejects on error, resolves on end and on abort. */
function fakeStream() {
  const dataListeners: ((frame: unknown) => void)[] = [];
  let last: QueueStatus | undefined;
  let settle!: { resolve: (value: QueueStatus) => void; reject: (error: unknown) => void };
  const finished = new Promise<QueueStatus>((resolve, reject) => {
    settle = { resolve, reject };
  });
  let markListening!: () => void;
  const listening = new Promise<void>((resolve) => {
    markListening = resolve;
  });
  return {
    on: (type: string, listener: (frame: unknown) => void) => {
      if (type === "data") dataListeners.push(listener);
    },
    done: () => {
      markListening();
      return finished;
    },
    abort: vi.fn(() => settle.resolve(last ?? ({} as QueueStatus))),
    /** Resolves once the code under test listens to the stream. */
    listening,
    push(frame: QueueStatus) {
      last = frame;
      for (const listener of dataListeners) listener(frame);
    },
    end: () => settle.resolve(last as QueueStatus),
    fail: (error: unknown) => settle.reject(error),
  };
}

function fakeQueue(poll: () => Promise<CompletedQueueStatus> = async () => completed("polled")) {
  const stream = fakeStream();
  const queue = {
    streamStatus: vi.fn<StatusQueue["streamStatus"]>(async () => stream),
    subscribeToStatus: vi.fn<StatusQueue["subscribeToStatus"]>(poll),
  };
  return { stream, queue };
}

function wait(queue: StatusQueue, signal = new AbortController().signal) {
  const updates: QueueStatus[] = [];
  const result = waitForCompletion(queue, "fal-ai/flux/dev", {
    requestId: "r1",
    logs: true,
    signal,
    onQueueUpdate: (update) => updates.push(update),
  });
  return { result, updates };
}

const messages = (update: QueueStatus | undefined) =>
  update && "logs" in update ? update.logs.map((line) => line.message) : undefined;

describe("waitForCompletion", () => {
  it("follows one status stream to COMPLETED and never polls", async () => {
    const { stream, queue } = fakeQueue();
    const { result, updates } = wait(queue);
    await stream.listening;
    stream.push(inQueue);
    stream.push(running("step 1"));
    // The stream is left open: COMPLETED is enough to finish.
    stream.push(completed());

    await expect(result).resolves.toMatchObject({ status: "COMPLETED" });
    expect(queue.streamStatus).toHaveBeenCalledWith("fal-ai/flux/dev", {
      requestId: "r1",
      logs: true,
    });
    expect(updates.map((update) => update.status)).toEqual([
      "IN_QUEUE",
      "IN_PROGRESS",
      "COMPLETED",
    ]);
    expect(updates[0]).toMatchObject({ queue_position: 1 });
    expect(queue.subscribeToStatus).not.toHaveBeenCalled();
  });

  it("accumulates the log lines each frame adds", async () => {
    const { stream, queue } = fakeQueue();
    const { result, updates } = wait(queue);
    await stream.listening;
    stream.push(running("one"));
    stream.push(running("two", "three"));
    stream.push(completed("four"));

    await expect(result).resolves.toMatchObject({ status: "COMPLETED" });
    expect(updates.map(messages)).toEqual([
      ["one"],
      ["one", "two", "three"],
      ["one", "two", "three", "four"],
    ]);
    expect(messages(await result)).toEqual(["one", "two", "three", "four"]);
  });

  it("falls back to polling when the stream answers an error", async () => {
    const { stream, queue } = fakeQueue();
    const { result } = wait(queue);
    await stream.listening;
    stream.fail(new ApiError({ message: "Internal Server Error", status: 500, body: {} }));

    expect(messages(await result)).toEqual(["polled"]);
    expect(queue.subscribeToStatus).toHaveBeenCalledTimes(1);
    expect(queue.subscribeToStatus).toHaveBeenCalledWith(
      "fal-ai/flux/dev",
      expect.objectContaining({ requestId: "r1", logs: true, mode: "polling" }),
    );
  });

  it("falls back to polling when the stream ends before COMPLETED", async () => {
    const { stream, queue } = fakeQueue();
    const { result, updates } = wait(queue);
    await stream.listening;
    stream.push(running("half way"));
    stream.end();

    expect(messages(await result)).toEqual(["polled"]);
    expect(queue.subscribeToStatus).toHaveBeenCalledTimes(1);
    expect(updates.map((update) => update.status)).toEqual(["IN_PROGRESS"]);
  });

  it("passes polling's updates on and rejects with polling's error when it fails too", async () => {
    const failure = new ApiError({ message: "Not Found", status: 404, body: {} });
    const { stream, queue } = fakeQueue();
    queue.subscribeToStatus.mockImplementation(async (_id, options) => {
      options.onQueueUpdate?.(running("from polling"));
      throw failure;
    });
    const { result, updates } = wait(queue);
    await stream.listening;
    stream.fail(new TypeError("Failed to fetch"));

    await expect(result).rejects.toBe(failure);
    expect(updates.map(messages)).toEqual([["from polling"]]);
  });

  it("aborts the stream when the signal aborts, rejects, and does not poll", async () => {
    const controller = new AbortController();
    const { stream, queue } = fakeQueue();
    const { result, updates } = wait(queue, controller.signal);
    await stream.listening;
    stream.push(inQueue);
    controller.abort();
    stream.push(running("after the abort"));

    await expect(result).rejects.toMatchObject({ name: "AbortError" });
    expect(stream.abort).toHaveBeenCalled();
    expect(queue.subscribeToStatus).not.toHaveBeenCalled();
    expect(updates.map((update) => update.status)).toEqual(["IN_QUEUE"]);
  });

  it("opens no stream when the signal aborted before the wait began", async () => {
    const controller = new AbortController();
    controller.abort();
    const { queue } = fakeQueue();

    await expect(wait(queue, controller.signal).result).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(queue.streamStatus).not.toHaveBeenCalled();
    expect(queue.subscribeToStatus).not.toHaveBeenCalled();
  });

  it("stops waiting for polling as soon as the signal aborts", async () => {
    const controller = new AbortController();
    // Polling that never settles on its own, as between two polls.
    const { stream, queue } = fakeQueue(() => new Promise<never>(() => {}));
    const { result } = wait(queue, controller.signal);
    await stream.listening;
    stream.fail(new ApiError({ message: "Bad Gateway", status: 502, body: {} }));
    await vi.waitFor(() => expect(queue.subscribeToStatus).toHaveBeenCalled());
    controller.abort();

    await expect(result).rejects.toMatchObject({ name: "AbortError" });
    expect(queue.subscribeToStatus.mock.calls[0]?.[1].abortSignal).toBe(controller.signal);
  });
});

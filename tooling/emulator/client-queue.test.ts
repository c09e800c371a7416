/** The queue driven by the real `@fal-ai/client` through the app's rerouting dispatcher. */
import { createFalClient, type QueueStatus, ValidationError } from "@fal-ai/client";
import { describe, expect, it } from "vitest";
import { createEmulatorDispatcher } from "@/lib/fal/server/reroute-to-emulator";
import type { ModelOutput } from "./model-output";
import { apiRejection, emulatorForFile, loadPng, testFalKey } from "./testing";

const endpointId = "fal-ai/flux/dev";
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const emulator = emulatorForFile({ routeFalHosts: createEmulatorDispatcher });
const fal = createFalClient({ credentials: testFalKey });

function logCount(update: QueueStatus): number {
  return "logs" in update && Array.isArray(update.logs) ? update.logs.length : 0;
}

describe("queue with the real client", () => {
  it("subscribe (polling) reports queue and progress updates and returns loadable PNGs", async () => {
    await emulator.control("timing", { queueMs: 100, runMs: 300 });
    const updates: QueueStatus[] = [];
    const result = await fal.subscribe(endpointId, {
      input: { prompt: "a lighthouse at dusk", image_size: "square", num_images: 2, seed: 11 },
      logs: true,
      pollInterval: 20,
      onQueueUpdate: (update) => updates.push(structuredClone(update)),
    });

    expect(result.requestId).toMatch(uuidPattern);
    const data = result.data as unknown as ModelOutput;
    expect(data).toMatchObject({
      seed: 11,
      prompt: "a lighthouse at dusk",
      has_nsfw_concepts: [false, false],
    });
    expect(data.timings.inference).toBe(0.3);
    expect(data.images).toHaveLength(2);
    for (const image of data.images) {
      expect(image).toMatchObject({ width: 512, height: 512, content_type: "image/png" });
      const png = await loadPng(image.url);
      expect([png.width, png.height]).toEqual([512, 512]);
    }
    expect(data.images[0]?.url).not.toBe(data.images[1]?.url);

    const statuses = updates.map((u) => u.status);
    expect(statuses).toContain("IN_QUEUE");
    expect(statuses).toContain("IN_PROGRESS");
    expect(statuses.at(-1)).toBe("COMPLETED");
    const queued = updates.find((u) => u.status === "IN_QUEUE");
    expect(queued && "queue_position" in queued && typeof queued.queue_position).toBe("number");
    const progress = updates.filter((u) => u.status === "IN_PROGRESS");
    expect(progress.every((u) => logCount(u) >= 1)).toBe(true);
    const counts = updates.filter((u) => u.status !== "IN_QUEUE").map(logCount);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBeGreaterThan(counts[0] ?? 0);
    const last = updates.at(-1);
    expect(last && "metrics" in last && last.metrics).toEqual({ inference_time: 0.3 });
  });

  it("subscribe (streaming) receives the status over SSE and returns the result", async () => {
    await emulator.control("timing", { queueMs: 100, runMs: 300 });
    const updates: QueueStatus[] = [];
    const result = await fal.subscribe(endpointId, {
      input: { prompt: "streamed", image_size: { width: 200, height: 120 } },
      logs: true,
      mode: "streaming",
      onQueueUpdate: (update) => updates.push(structuredClone(update)),
    });

    const data = result.data as unknown as ModelOutput;
    expect(data.images[0]).toMatchObject({ width: 200, height: 120 });
    expect(Number.isInteger(data.seed)).toBe(true);
    const statuses = updates.map((u) => u.status);
    expect(statuses[0]).toBe("IN_QUEUE");
    expect(statuses).toContain("IN_PROGRESS");
    expect(statuses.at(-1)).toBe("COMPLETED");
    // The client concatenates each frame's logs, so the total must equal the server's full list.
    const final = await fal.queue.status(endpointId, { requestId: result.requestId, logs: true });
    const last = updates.at(-1);
    const messages = (u?: QueueStatus) => (u && "logs" in u ? u.logs.map((l) => l.message) : []);
    expect(messages(last)).toEqual(messages(final));
    expect(messages(last)).toHaveLength(5);
  });

  it("queue.submit then queue.cancel on a slow queue reaches the emulator", async () => {
    await emulator.control("timing", { queueMs: 60_000 });
    const { request_id: requestId } = await fal.queue.submit(endpointId, {
      input: { prompt: "never" },
    });
    const { body: queued } = await emulator.control(`requests/${requestId}`);
    const { submittedAt } = queued as { submittedAt: number };
    expect(queued).toEqual({
      request_id: requestId,
      endpoint: endpointId,
      status: "IN_QUEUE",
      input: { prompt: "never" },
      submittedAt: expect.any(Number),
      startedAt: submittedAt + 60_000,
      completedAt: submittedAt + 60_000 + 150,
      cancelledAt: null,
    });

    await fal.queue.cancel(endpointId, { requestId });

    expect((await emulator.control(`requests/${requestId}`)).body).toMatchObject({
      status: "CANCELLED",
    });
    const status = await fal.queue.status(endpointId, { requestId, logs: false });
    expect(status).toMatchObject({ status: "COMPLETED", error: "Request was cancelled" });
    expect((await apiRejection(fal.queue.result(endpointId, { requestId }))).status).toBe(400);
    const again = await apiRejection(fal.queue.cancel(endpointId, { requestId }));
    expect([again.status, again.body]).toEqual([400, { status: "ALREADY_COMPLETED" }]);
    const unknown = await apiRejection(fal.queue.cancel(endpointId, { requestId: "0-unknown" }));
    expect(unknown.status).toBe(404);
  });

  it("ends an open status stream when the request is cancelled", async () => {
    await emulator.control("timing", { queueMs: 60_000 });
    const { request_id: requestId } = await fal.queue.submit(endpointId, {
      input: { prompt: "x" },
    });
    const stream = await fal.queue.streamStatus(endpointId, { requestId, logs: true });
    const frames: QueueStatus[] = [];
    stream.on("data", (frame: QueueStatus) => frames.push(frame));
    await expect.poll(() => frames.length).toBeGreaterThan(0);
    expect(frames[0]?.status).toBe("IN_QUEUE");

    await fal.queue.cancel(endpointId, { requestId });
    const done = (await stream.done()) as QueueStatus & { error?: string };
    expect(done).toMatchObject({ status: "COMPLETED", error: "Request was cancelled" });
  });

  it("rejects a bad input at submit with a ValidationError", async () => {
    const error = await apiRejection(fal.queue.submit(endpointId, { input: { prompt: "" } }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.status).toBe(422);
    expect((error as ValidationError).getFieldErrors("prompt")).toEqual([
      { loc: ["body", "prompt"], msg: expect.any(String), type: "string_too_short" },
    ]);
  });
});

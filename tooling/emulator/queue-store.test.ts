import { describe, expect, it } from "vitest";
import { createQueueStore } from "./queue-store";

function setup(capacity?: number) {
  let now = Date.UTC(2025, 0, 1);
  const store = createQueueStore(() => now, capacity);
  const advance = (ms: number) => {
    now += ms;
  };
  const submit = (endpointId = "fal-ai/flux/dev") =>
    store.submit({
      endpointId,
      appPath: "fal-ai/flux",
      input: { prompt: "p", width: 512, height: 512, numImages: 1, seed: 7 },
      received: { prompt: "p", image_size: "square", seed: 7 },
      queueMs: 400,
      runMs: 1200,
    });
  return { store, advance, submit };
}

describe("createQueueStore", () => {
  it("goes IN_QUEUE -> IN_PROGRESS -> COMPLETED with the clock", () => {
    const { store, advance, submit } = setup();
    const record = submit();
    const queued = store.status(record, true);
    expect(queued).toMatchObject({
      status: "IN_QUEUE",
      queue_position: 2,
      request_id: record.requestId,
    });
    expect(queued.status_url).toBe(
      `https://queue.fal.run/fal-ai/flux/requests/${record.requestId}/status`,
    );
    expect(queued.logs).toBeUndefined();

    advance(700);
    const running = store.status(record, true);
    expect(running.status).toBe("IN_PROGRESS");
    expect(running.logs?.map((l) => l.message)).toEqual(["Loading model", "Denoising step 7/28"]);
    expect(store.status(record, false).logs).toEqual([]);

    advance(900);
    const done = store.status(record, true);
    expect(done).toMatchObject({ status: "COMPLETED", metrics: { inference_time: 1.2 } });
    expect(done.logs).toHaveLength(5);
    expect(done.error).toBeUndefined();
  });

  it("finds a request only under its own app", () => {
    const { store, submit } = setup();
    const record = submit();
    expect(store.find("fal-ai/flux", record.requestId)).toBe(record);
    expect(store.find("fal-ai/other", record.requestId)).toBeUndefined();
    expect(store.find("fal-ai/flux", "nope")).toBeUndefined();
  });

  it("cancels a pending request, reports it as completed with an error, and tells listeners", () => {
    const { store, advance, submit } = setup();
    const record = submit();
    const heard: string[] = [];
    const unsubscribe = store.onChange((id) => heard.push(id));
    advance(100);
    expect(store.cancel(record)).toBe("cancelled");
    expect(heard).toEqual([record.requestId]);
    expect(store.phase(record)).toBe("CANCELLED");
    advance(5000);
    expect(store.phase(record)).toBe("CANCELLED");
    expect(store.status(record, true)).toMatchObject({
      status: "COMPLETED",
      error: "Request was cancelled",
      error_type: "request_cancelled",
      logs: [],
    });
    expect(store.cancel(record)).toBe("already_completed");
    unsubscribe();
    expect(store.cancel(submit())).toBe("cancelled");
    expect(heard).toHaveLength(1);
  });

  it("refuses to cancel a completed or unknown request", () => {
    const { store, advance, submit } = setup();
    const record = submit();
    advance(1600);
    expect(store.cancel(record)).toBe("already_completed");
    expect(store.phase(record)).toBe("COMPLETED");
    expect(store.cancel(undefined)).toBe("unknown");
  });

  it("evicts the oldest records beyond its capacity", () => {
    const { store, submit } = setup(2);
    const [a, b, c] = [submit(), submit(), submit()];
    expect(store.get(a.requestId)).toBeUndefined();
    expect(store.get(b.requestId)).toBe(b);
    expect(store.get(c.requestId)).toBe(c);
  });
});

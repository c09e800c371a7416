/** The `/__emulator/*` test controls: faults, timing, reset and request lookup. */
import { describe, expect, it } from "vitest";
import { emulatorForFile } from "./testing";

const emulator = emulatorForFile();
const { call, post, submit } = emulator.http;

describe("controls", () => {
  it.each([
    [
      "status",
      "GET",
      (requestId: string) => `/queue.fal.run/fal-ai/flux/requests/${requestId}/status`,
    ],
    ["result", "GET", (requestId: string) => `/queue.fal.run/fal-ai/flux/requests/${requestId}`],
    [
      "cancel",
      "PUT",
      (requestId: string) => `/queue.fal.run/fal-ai/flux/requests/${requestId}/cancel`,
    ],
    ["run", "POST", () => "/fal.run/fal-ai/flux/dev"],
    ["upload", "POST", () => "/rest.fal.ai/storage/upload/initiate"],
    ["pricing", "GET", () => "/api.fal.ai/v1/models/pricing?endpoint_id=fal-ai/flux/dev"],
  ])("arms a fault on %s for the given number of requests", async (on, method, pathFor) => {
    const { request_id: requestId } = await submit();
    await emulator.control("faults", { on, status: 418, times: 2 });
    const body = method === "GET" ? undefined : JSON.stringify({ prompt: "p" });
    const hit = () => call(pathFor(requestId), { method, body });
    expect((await hit()).status).toBe(418);
    expect((await hit()).json).toEqual({ detail: expect.stringContaining(on) });
    expect((await hit()).status).not.toBe(418);
  });

  it("drops the connection for a drop fault", async () => {
    await emulator.control("faults", { on: "submit", drop: true });
    await expect(post("/queue.fal.run/fal-ai/flux/dev", { prompt: "p" })).rejects.toThrow();
    await submit();
  });

  it("holds the connection without answering for a hang fault, until a reset", async () => {
    await emulator.control("faults", { on: "submit", hang: true });
    const pending = post("/queue.fal.run/fal-ai/flux/dev", { prompt: "p" });
    const outcome = pending.then(
      () => "answered",
      () => "connection closed",
    );
    await expect.poll(async () => (await emulator.control("faults")).body).toEqual({ armed: [] });
    expect((await emulator.control("reset", {})).status).toBe(200);
    expect(await outcome).toBe("connection closed");
    await submit();
  });

  it("validates fault and timing bodies", async () => {
    expect((await emulator.control("faults", { on: "everything" })).status).toBe(400);
    expect((await emulator.control("timing", { queueMs: -1 })).status).toBe(400);
    expect((await emulator.control("timing", { videoRunMs: 1.5 })).body).toEqual({
      detail: '"videoRunMs" must be an integer from 0 to 600000',
    });
    const response = await fetch(`${emulator.url}/__emulator/faults`, {
      method: "POST",
      body: "{bad",
    });
    expect([response.status, await response.json()]).toEqual([400, { detail: expect.any(String) }]);
  });

  it("changes timing for later submissions and reset restores it and clears faults", async () => {
    expect((await emulator.control("timing", { queueMs: 60_000 })).body).toEqual({
      queueMs: 60_000,
      runMs: 150,
      videoRunMs: 300,
    });
    const { request_id: slow } = await submit();
    await emulator.control("faults", { on: "submit", status: 500 });
    expect((await emulator.control("reset", {})).status).toBe(200);
    expect((await emulator.control("timing")).body).toEqual({
      queueMs: 50,
      runMs: 150,
      videoRunMs: 300,
    });
    const { request_id: fast } = await submit();
    await expect
      .poll(
        async () =>
          ((await emulator.control(`requests/${fast}`)).body as { status: string }).status,
      )
      .toBe("COMPLETED");
    expect((await emulator.control(`requests/${slow}`)).body).toMatchObject({ status: "IN_QUEUE" });
    expect((await emulator.control("requests/unknown")).status).toBe(404);
  });

  it("counts the model runs that reached it, valid or not, and shows a submit's body as received", async () => {
    const before = ((await emulator.control("received")).body as { modelRuns: number }).modelRuns;
    const { request_id: requestId } = await submit("fal-ai/flux/dev", {
      prompt: "p",
      enable_safety_checker: true,
    });
    await post("/queue.fal.run/fal-ai/flux/dev", { prompt: "" });
    await post("/fal.run/fal-ai/flux/dev", { prompt: "p" });
    expect((await emulator.control("received")).body).toEqual({ modelRuns: before + 3 });
    expect((await emulator.control(`requests/${requestId}`)).body).toMatchObject({
      input: { prompt: "p", enable_safety_checker: true },
    });
  });

  it("runs a video model for videoRunMs, an image model for runMs", async () => {
    await emulator.control("timing", { queueMs: 1_000, runMs: 2_000, videoRunMs: 5_000 });
    const times = async (endpoint: string) => {
      const { request_id: id } = await submit(endpoint, { prompt: "p" });
      const body = (await emulator.control(`requests/${id}`)).body as Record<string, number>;
      return (body.completedAt ?? 0) - (body.startedAt ?? 0);
    };
    expect(await times("fal-ai/veo3.1/lite")).toBe(5_000);
    expect(await times("fal-ai/flux/dev")).toBe(2_000);
  });

  it("reports a request's schedule: when it starts running and when it completes", async () => {
    await emulator.control("timing", { queueMs: 1_000, runMs: 2_000 });
    const before = Date.now();
    const { request_id: requestId } = await submit();
    const { body } = await emulator.control(`requests/${requestId}`);
    const { submittedAt, startedAt, completedAt } = body as {
      submittedAt: number;
      startedAt: number;
      completedAt: number;
    };
    expect(body).toMatchObject({ request_id: requestId, status: "IN_QUEUE", cancelledAt: null });
    expect(submittedAt).toBeGreaterThanOrEqual(before);
    expect(submittedAt).toBeLessThanOrEqual(Date.now());
    expect([startedAt - submittedAt, completedAt - submittedAt]).toEqual([1_000, 3_000]);

    await call(`/queue.fal.run/fal-ai/flux/requests/${requestId}/cancel`, { method: "PUT" });
    expect((await emulator.control(`requests/${requestId}`)).body).toMatchObject({
      status: "CANCELLED",
      startedAt: null,
      completedAt: null,
      cancelledAt: expect.any(Number),
    });
  });
});

/** Run, storage, auth and faults driven by the real, unchanged `@fal-ai/client`. */
import { createFalClient, ValidationError } from "@fal-ai/client";
import { describe, expect, it } from "vitest";
import { createEmulatorDispatcher } from "@/lib/fal/server/reroute-to-emulator";
import type { ModelOutput } from "./model-output";
import { apiRejection, emulatorForFile, loadPng, testFalKey } from "./testing";

const endpointId = "fal-ai/flux/dev";
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const emulator = emulatorForFile({ routeFalHosts: createEmulatorDispatcher });
const fal = createFalClient({ credentials: testFalKey });

describe("run, storage, auth and faults with the real client", () => {
  it("run answers with the output after the run phase", async () => {
    const started = performance.now();
    const result = await fal.run(endpointId, {
      input: { prompt: "sync", image_size: { width: 320, height: 200 }, seed: 3 },
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(result.requestId).toMatch(uuidPattern);
    const data = result.data as unknown as ModelOutput;
    expect(data).toMatchObject({ seed: 3, prompt: "sync" });
    const png = await loadPng(data.images[0]?.url ?? "");
    expect([png.width, png.height]).toEqual([320, 200]);
  });

  it("run rejects a bad input with a ValidationError", async () => {
    const input = { prompt: "x", num_images: 7 };
    const error = await apiRejection(fal.run(endpointId, { input }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).getFieldErrors("num_images")).toHaveLength(1);
  });

  it("storage.upload stores the bytes and the returned URL serves them", async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 10, 13]);
    const url = await fal.storage.upload(new Blob([bytes], { type: "application/octet-stream" }));
    expect(url.startsWith(`${emulator.url}/files/uploads/`)).toBe(true);
    const response = await fetch(url);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });

  it.each([
    ["a wrong key", "not-the-key"],
    ["no key", undefined],
  ])("answers 401 to %s", async (_name, credentials) => {
    const client = createFalClient({ credentials });
    const submit = await apiRejection(client.queue.submit(endpointId, { input: { prompt: "x" } }));
    expect(submit.status).toBe(401);
    expect((await apiRejection(client.run(endpointId, { input: { prompt: "x" } }))).status).toBe(
      401,
    );
    expect((await apiRejection(client.storage.upload(new Blob(["x"])))).status).toBe(401);
  });

  it("surfaces an armed 500 on submit as ApiError 500, then recovers", async () => {
    expect((await emulator.control("faults", { on: "submit", status: 500 })).status).toBe(200);
    const error = await apiRejection(fal.queue.submit(endpointId, { input: { prompt: "x" } }));
    expect(error.status).toBe(500);
    expect(error.body).toEqual({ detail: expect.stringContaining("submit") });
    const ok = await fal.queue.submit(endpointId, { input: { prompt: "x" } });
    expect(ok.request_id).toMatch(uuidPattern);
  });
});

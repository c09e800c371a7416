/**
 * What a port of the proxy must still do on another host, driven over HTTP against the
 * emulator: every rule of the guard holds, fal's answers stream, and the body is the guard's
 * to count. Each port's test file runs these against its own server.
 */
import type { RequestListener } from "node:http";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  captureAudit,
  falClientFor,
  falEmulatorForFile,
  maxBodyBytes,
  proxyFetch,
  serverForFile,
  sessionCookie,
  streamsPerUser,
} from "./port-test-kit";

const endpoint = "fal-ai/flux/schnell";
const submitUrl = `https://queue.fal.run/${endpoint}`;
const statusStreamUrl = (id: string) =>
  `https://queue.fal.run/fal-ai/flux/requests/${id}/status/stream`;
const input = {
  prompt: "a lighthouse at dusk",
  image_size: "square" as const,
  num_images: 1,
  seed: 7,
};

async function errorOf(response: Response) {
  const { error } = (await response.json()) as { error: { code: string; field?: string } };
  return { status: response.status, ...error };
}

export function describeProxyPort(host: string, listener: RequestListener): void {
  const emulator = falEmulatorForFile();
  const server = serverForFile(listener);

  describe(`the guarded fal proxy on ${host}`, () => {
    let audit: ReturnType<typeof captureAudit>;
    beforeEach(() => {
      audit = captureAudit();
    });
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it("answers a signed-out caller 401, sends nothing to fal, and audits the refusal", async () => {
      const runsBefore = await emulator.modelRuns();
      const response = await proxyFetch(server.proxyUrl, {
        target: submitUrl,
        body: JSON.stringify(input),
      });
      expect(await errorOf(response)).toMatchObject({ status: 401, code: "unauthenticated" });
      expect(await emulator.modelRuns()).toBe(runsBefore);
      expect(await audit()).toMatchObject([{ status: 401, error: "unauthenticated", user: null }]);
    });

    it("answers a signed-in user outside AUTH_ALLOWED_EMAILS 403", async () => {
      const runsBefore = await emulator.modelRuns();
      const response = await proxyFetch(server.proxyUrl, {
        target: submitUrl,
        cookie: await sessionCookie("eve@elsewhere.test"),
        body: JSON.stringify(input),
      });
      expect(await errorOf(response)).toMatchObject({ status: 403, code: "forbidden" });
      expect(await emulator.modelRuns()).toBe(runsBefore);
    });

    it("lets the real fal client submit, stream the status and read the result", async () => {
      const runsBefore = await emulator.modelRuns();
      const fal = falClientFor(server.proxyUrl, await sessionCookie("ada@example.com"));
      const { request_id } = await fal.queue.submit(endpoint, { input });
      expect(request_id).toMatch(/^[0-9a-f-]{36}$/);

      const result = await fal.subscribe(endpoint, { input, mode: "streaming" });
      const images = (result.data as { images: unknown[] }).images;
      expect(images).toHaveLength(1);
      expect(await emulator.modelRuns()).toBe(runsBefore + 2);
      const operations = (await audit()).map(({ operation, status }) => `${operation} ${status}`);
      expect(operations).toEqual(["submit 200", "submit 200", "status-stream 200", "result 200"]);
      expect((await audit()).every(({ user }) => user === "oidc:ada")).toBe(true);
    });

    it("starts no storage upload for the fal client: images go to the app's upload route", async () => {
      const fal = falClientFor(server.proxyUrl, await sessionCookie("ada@example.com"));
      const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
      const refused = await fal.storage
        .upload(new Blob([bytes], { type: "image/png" }))
        .catch((error: unknown) => error);
      expect(refused).toMatchObject({
        status: 403,
        body: { error: { code: "target_not_allowed" } },
      });
      expect(await audit()).toMatchObject([
        { status: 403, error: "target_not_allowed", user: "oidc:ada" },
      ]);
    });

    it("refuses an input the catalog fixes with 400 invalid_input, before fal", async () => {
      const runsBefore = await emulator.modelRuns();
      const response = await proxyFetch(server.proxyUrl, {
        target: submitUrl,
        cookie: await sessionCookie("ada@example.com"),
        body: JSON.stringify({ ...input, enable_safety_checker: false }),
      });
      expect(await errorOf(response)).toMatchObject({
        status: 400,
        code: "invalid_input",
        field: "enable_safety_checker",
      });
      expect(await emulator.modelRuns()).toBe(runsBefore);
    });

    it("counts the body's bytes itself: an oversized chunked body gets 413", async () => {
      const runsBefore = await emulator.modelRuns();
      const chunk = new TextEncoder().encode(" ".repeat(16 * 1024));
      let sent = 0;
      // No content-length, so only counting what arrives can catch it; and far more than the
      // limit, so the caller is still sending when the refusal goes out.
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ * chunk.length <= 256 * maxBodyBytes) controller.enqueue(chunk);
          else controller.close();
        },
      });
      const response = await proxyFetch(server.proxyUrl, {
        target: submitUrl,
        cookie: await sessionCookie("ada@example.com"),
        method: "POST",
        body,
      });
      expect(await errorOf(response)).toMatchObject({ status: 413, code: "payload_too_large" });
      expect(await emulator.modelRuns()).toBe(runsBefore);
    });

    it("streams a status event to the caller while fal's stream is still open", async () => {
      await emulator.control("timing", { queueMs: 50, runMs: 30_000 });
      const cookie = await sessionCookie("ada@example.com");
      const fal = falClientFor(server.proxyUrl, cookie);
      const { request_id } = await fal.queue.submit(endpoint, { input });
      const stop = new AbortController();
      const response = await proxyFetch(server.proxyUrl, {
        target: statusStreamUrl(request_id),
        cookie,
        signal: stop.signal,
      });
      expect(response.headers.get("content-type")).toBe("text/event-stream");
      const reader = response.body?.getReader();
      const first = await reader?.read();
      expect(new TextDecoder().decode(first?.value)).toMatch(/^data: .*"status":"IN_/);
      const { body } = await emulator.control(`requests/${request_id}`);
      expect(body).toMatchObject({ status: expect.stringMatching(/^IN_(QUEUE|PROGRESS)$/) });
      stop.abort();
    });

    it("gives a stream slot back when the caller drops the stream", async () => {
      await emulator.control("timing", { queueMs: 50, runMs: 30_000 });
      const cookie = await sessionCookie("ada@example.com");
      const { request_id } = await falClientFor(server.proxyUrl, cookie).queue.submit(endpoint, {
        input,
      });
      const open = (signal?: AbortSignal) =>
        proxyFetch(server.proxyUrl, { target: statusStreamUrl(request_id), cookie, signal });
      const held = Array.from({ length: streamsPerUser }, () => new AbortController());
      for (const stop of held) expect((await open(stop.signal)).status).toBe(200);
      expect(await errorOf(await open())).toMatchObject({ status: 429, code: "too_many_streams" });

      held[0]?.abort();
      await expect
        .poll(async () => {
          const response = await open();
          await response.body?.cancel();
          return response.status;
        })
        .toBe(200);
      for (const stop of held) stop.abort();
    });
  });
}

/** The emulator's HTTP surface (auth, routing, queue), driven with plain fetch and raw sockets. */
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { emulatedFalHosts } from "@/lib/fal/fal-hosts";
import { emulatedHosts } from "./server";
import { emulatorForFile, testFalKey } from "./testing";

const emulator = emulatorForFile();
const { auth, call, submit } = emulator.http;

/** Writes raw bytes and collects everything until the server closes the connection. */
function rawRequest(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(emulator.port, new URL(emulator.url).hostname);
    let data = "";
    socket.on("data", (chunk) => {
      data += chunk.toString();
    });
    socket.on("close", () => resolve(data));
    socket.on("error", reject);
    socket.write(text);
  });
}

describe("connections", () => {
  it("leaves idle keep-alive connections for the client to close (no Keep-Alive timeout)", async () => {
    const response = await fetch(`${emulator.url}/__emulator/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get("connection")).toBe("keep-alive");
    expect(response.headers.get("keep-alive")).toBeNull();
  });
});

describe("auth and routing", () => {
  it("stands in for exactly the fal hosts the app reroutes to it", () => {
    expect([...emulatedHosts].sort()).toEqual([...emulatedFalHosts].sort());
  });

  it.each([
    "/queue.fal.run/fal-ai/flux/dev",
    "/fal.run/fal-ai/flux/dev",
    "/rest.fal.ai/storage/upload/initiate",
    "/api.fal.ai/v1/models/pricing?endpoint_id=fal-ai/flux/dev",
  ])("answers 401 JSON on %s without the right key", async (path) => {
    for (const headers of [
      { authorization: "" },
      { authorization: "Key wrong" },
      { authorization: testFalKey },
    ]) {
      const response = await call(path, { method: "POST", body: "{}", headers });
      expect(response.status).toBe(401);
      expect(response.json).toEqual({ detail: expect.any(String) });
    }
  });

  it.each([
    "/nope",
    "/__emulator/nope",
    "/queue.fal.run/fal-ai/flux/requests/x/nope",
    "/rest.fal.ai/tokens/",
  ])("answers 404 JSON for %s", async (path) => {
    const response = await call(path);
    expect(response.status).toBe(404);
    expect(response.json).toEqual({ detail: expect.any(String) });
  });

  it("answers malformed JSON with a 422 in FastAPI's shape", async () => {
    const response = await call("/queue.fal.run/fal-ai/flux/dev", {
      method: "POST",
      body: "{oops",
    });
    expect(response.status).toBe(422);
    expect(response.json).toEqual({
      detail: [{ loc: ["body"], msg: "JSON decode error", type: "json_invalid" }],
    });
  });

  it("refuses an oversized body with 413", async () => {
    const body = JSON.stringify({ prompt: "x".repeat(1024 * 1024 + 10) });
    const response = await call("/queue.fal.run/fal-ai/flux/dev", { method: "POST", body });
    expect(response.status).toBe(413);
  });

  it("survives garbage and odd request targets", async () => {
    expect(await rawRequest("NOT HTTP AT ALL\r\n\r\n")).toMatch(/^HTTP\/1\.1 400/);
    expect(
      await rawRequest(
        "GET //evil.com/__emulator/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
      ),
    ).toMatch(/^HTTP\/1\.1 404/);
    expect((await call("/__emulator/health")).json).toEqual({ ok: true });
  });
});

describe("queue over plain HTTP", () => {
  it("walks a request from 202 to 200 and serves the result with its id", async () => {
    const { request_id: requestId, status_url } = await submit();
    expect(status_url).toBe(`https://queue.fal.run/fal-ai/flux/requests/${requestId}/status`);
    const early = await call(`/queue.fal.run/fal-ai/flux/requests/${requestId}`);
    expect(early.status).toBe(400);
    expect(early.json).toEqual({ detail: expect.any(String) });
    expect((await call(`/queue.fal.run/fal-ai/flux/requests/${requestId}/status`)).status).toBe(
      202,
    );
    await expect
      .poll(
        async () =>
          (await call(`/queue.fal.run/fal-ai/flux/requests/${requestId}/status?logs=1`)).status,
      )
      .toBe(200);
    const result = await call(`/queue.fal.run/fal-ai/flux/requests/${requestId}`);
    expect(result.status).toBe(200);
    expect(result.headers.get("x-fal-request-id")).toBe(requestId);
    expect(result.json).toMatchObject({
      seed: 1,
      prompt: "p",
      images: [{ width: 1024, height: 768 }],
    });
  });

  it("finds a request only under the app it was submitted to", async () => {
    const { request_id: requestId } = await submit();
    expect((await call(`/queue.fal.run/fal-ai/other/requests/${requestId}/status`)).status).toBe(
      404,
    );
    expect((await call(`/queue.fal.run/fal-ai/flux/requests/00000000-0000/status`)).status).toBe(
      404,
    );
  });

  it("keeps a workflows/ namespace working", async () => {
    const { request_id: requestId, status_url } = await submit("workflows/me/flow/run");
    expect(status_url).toBe(`https://queue.fal.run/workflows/me/flow/requests/${requestId}/status`);
    const response = await call(`/queue.fal.run/workflows/me/flow/requests/${requestId}/status`);
    expect(response.json).toMatchObject({ request_id: requestId });
    expect((await emulator.control(`requests/${requestId}`)).body).toMatchObject({
      endpoint: "workflows/me/flow/run",
    });
  });

  it("streams status frames as SSE and closes after COMPLETED", async () => {
    const { request_id: requestId } = await submit();
    const response = await fetch(
      `${emulator.url}/queue.fal.run/fal-ai/flux/requests/${requestId}/status/stream?logs=1`,
      {
        headers: auth,
      },
    );
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const text = await response.text();
    const frames = text
      .split("\n\n")
      .filter((f) => f.startsWith("data: "))
      .map((f) => JSON.parse(f.slice(6)) as { status: string; logs?: unknown[] });
    expect(frames[0]?.status).toBe("IN_QUEUE");
    expect(frames.map((f) => f.status)).toContain("IN_PROGRESS");
    expect(frames.at(-1)?.status).toBe("COMPLETED");
    expect(frames.filter((f) => f.status === "COMPLETED")).toHaveLength(1);
    const totalLogs = frames.reduce((n, f) => n + (f.logs?.length ?? 0), 0);
    expect(totalLogs).toBe(5);
  });
});

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Dispatcher, getGlobalDispatcher, setGlobalDispatcher } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulatorDispatcher, rerouteToEmulator } from "./reroute-to-emulator";

const emulatorOrigin = "http://localhost:4010";

describe("rerouteToEmulator", () => {
  it.each([
    ["https://queue.fal.run", "/fal-ai/flux/dev", "/queue.fal.run/fal-ai/flux/dev"],
    ["https://fal.run", "/fal-ai/flux/dev", "/fal.run/fal-ai/flux/dev"],
    [
      "https://rest.fal.ai",
      "/storage/upload/initiate?storage_type=fal-cdn-v3",
      "/rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3",
    ],
    [
      "https://queue.fal.run/",
      "/a/requests/r/status?logs=1",
      "/queue.fal.run/a/requests/r/status?logs=1",
    ],
    ["https://fal.run:443", "/x/y", "/fal.run/x/y"],
    [
      "https://api.fal.ai",
      "/v1/models/pricing?endpoint_id=fal-ai/flux/dev",
      "/api.fal.ai/v1/models/pricing?endpoint_id=fal-ai/flux/dev",
    ],
  ])("rewrites %s%s", (origin, path, expected) => {
    expect(rerouteToEmulator(origin, path, emulatorOrigin)).toEqual({
      origin: emulatorOrigin,
      path: expected,
    });
  });

  it("uses only the emulator's origin", () => {
    expect(rerouteToEmulator("https://fal.run", "/a/b", "http://127.0.0.1:5000/ignored/")).toEqual({
      origin: "http://127.0.0.1:5000",
      path: "/fal.run/a/b",
    });
  });

  it.each([
    "https://fal.run.evil.com",
    "https://evil.com",
    "https://evilfal.run",
    "https://v3.fal.media",
    "https://api.fal.ai.evil.com",
    "http://api.fal.ai",
    "http://fal.run",
    "http://queue.fal.run",
    "https://fal.run:8443",
    "https://user:pw@fal.run",
    "wss://fal.run",
    "not a url",
  ])("leaves %s alone", (origin) => {
    expect(rerouteToEmulator(origin, "/fal-ai/flux/dev", emulatorOrigin)).toBeNull();
  });

  it("leaves a fal host that only appears in the path alone", () => {
    expect(
      rerouteToEmulator("https://evil.com", "/fal.run/fal-ai/flux/dev", emulatorOrigin),
    ).toBeNull();
  });
});

describe("createEmulatorDispatcher", () => {
  let server: Server;
  let origin: string;
  let previous: Dispatcher;
  let dispatcher: Dispatcher;

  beforeAll(async () => {
    server = createServer((request, response) => {
      response.setHeader("content-type", "application/json");
      response.end(
        JSON.stringify({ method: request.method, url: request.url, host: request.headers.host }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    previous = getGlobalDispatcher();
    dispatcher = createEmulatorDispatcher(origin);
    setGlobalDispatcher(dispatcher);
  });

  afterAll(async () => {
    setGlobalDispatcher(previous);
    await dispatcher.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("sends global fetch calls for fal hosts to the emulator", async () => {
    const response = await fetch("https://queue.fal.run/fal-ai/flux/requests/r1/status?logs=1");
    expect(await response.json()).toEqual({
      method: "GET",
      url: "/queue.fal.run/fal-ai/flux/requests/r1/status?logs=1",
      host: new URL(origin).host,
    });
  });

  it("sends the server's calls to fal's Platform API to the emulator too", async () => {
    const response = await fetch(
      "https://api.fal.ai/v1/models/pricing?endpoint_id=fal-ai/flux/dev",
    );
    expect(await response.json()).toMatchObject({
      method: "GET",
      url: "/api.fal.ai/v1/models/pricing?endpoint_id=fal-ai/flux/dev",
    });
  });

  it("passes other requests through unchanged", async () => {
    const response = await fetch(`${origin}/plain?x=1`, { method: "POST", body: "{}" });
    expect(await response.json()).toMatchObject({ method: "POST", url: "/plain?x=1" });
  });

  it("refuses a non-loopback emulator URL", () => {
    expect(() => createEmulatorDispatcher("http://fal.example.com")).toThrow(/FAL_EMULATOR_URL/);
  });
});

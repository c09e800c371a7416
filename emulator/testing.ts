/**
 * Helpers for tests that run the emulator in-process: start it on a free port, send the
 * fal hosts to it, talk to its `/__emulator/*` controls and call it over plain HTTP.
 */

import { ApiError } from "@fal-ai/client";
import { PNG } from "pngjs";
import { type Dispatcher, getGlobalDispatcher, setGlobalDispatcher } from "undici";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { createEmulatorDispatcher } from "@/lib/fal/reroute-to-emulator";
import { createEmulator, type EmulatorOptions, type RunningEmulator } from "./server";

export const TEST_FAL_KEY = "test-fal-key";

export interface ControlResponse {
  status: number;
  body: unknown;
}

export interface TestEmulator extends RunningEmulator {
  /** GET (no body) or POST (with a JSON body) to `/__emulator/<path>`. */
  control(path: string, body?: unknown): Promise<ControlResponse>;
}

export async function startTestEmulator(
  options: Partial<EmulatorOptions> = {},
): Promise<TestEmulator> {
  const emulator = await createEmulator({
    port: 0,
    falKey: TEST_FAL_KEY,
    queueMs: 50,
    runMs: 150,
    ...options,
  });
  const control = async (path: string, body?: unknown): Promise<ControlResponse> => {
    const init: RequestInit =
      body === undefined
        ? {}
        : {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body),
          };
    const res = await fetch(`${emulator.url}/__emulator/${path}`, init);
    return { status: res.status, body: await res.json() };
  };
  return { ...emulator, control };
}

/** Sends every fetch for a fal host to the emulator, as the app does; returns the undo. */
export function routeFalToEmulator(emulatorUrl: string): () => Promise<void> {
  const previous: Dispatcher = getGlobalDispatcher();
  const dispatcher = createEmulatorDispatcher(emulatorUrl);
  setGlobalDispatcher(dispatcher);
  return async () => {
    setGlobalDispatcher(previous);
    await dispatcher.close();
  };
}

export interface HttpResult {
  status: number;
  headers: Headers;
  json: unknown;
}

/** Plain-HTTP access to the emulator's fal routes, with the test key attached. */
export function falHttp(emu: Pick<RunningEmulator, "url">) {
  const auth = { authorization: `Key ${TEST_FAL_KEY}`, "content-type": "application/json" };
  const call = async (path: string, init: RequestInit = {}): Promise<HttpResult> => {
    const res = await fetch(`${emu.url}${path}`, {
      ...init,
      headers: { ...auth, ...init.headers },
    });
    const text = await res.text();
    const json = res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : undefined;
    return { status: res.status, headers: res.headers, json };
  };
  const post = (path: string, body: unknown) =>
    call(path, { method: "POST", body: JSON.stringify(body) });
  const submit = async (
    endpoint = "fal-ai/flux/dev",
    input: unknown = { prompt: "p", seed: 1 },
  ) => {
    const res = await post(`/queue.fal.run/${endpoint}`, input);
    expect(res.status).toBe(200);
    return res.json as { request_id: string; status_url: string; response_url: string };
  };
  return { auth, call, post, submit };
}

/**
 * One emulator for a test file, started before its tests and reset after each one. With
 * `routeFalHosts`, fetches for fal's hosts go to it, as in the app, so the real client works.
 */
export function emulatorForFile(
  options: Partial<EmulatorOptions> & { routeFalHosts?: boolean } = {},
) {
  const { routeFalHosts = false, ...emulatorOptions } = options;
  let emulator: TestEmulator | undefined;
  let restoreDispatcher: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    emulator = await startTestEmulator(emulatorOptions);
    if (routeFalHosts) restoreDispatcher = routeFalToEmulator(emulator.url);
  });
  afterEach(async () => {
    await emulator?.control("reset", {});
  });
  afterAll(async () => {
    await restoreDispatcher?.();
    await emulator?.close();
  });
  const current = () => {
    if (!emulator) throw new Error("the emulator starts in beforeAll");
    return emulator;
  };
  const handle = {
    get url() {
      return current().url;
    },
    get port() {
      return current().port;
    },
    control: (path: string, body?: unknown) => current().control(path, body),
  };
  return Object.assign(handle, { http: falHttp(handle) });
}

/** Fetches an image the emulator served and decodes it, checking what the browser needs. */
export async function loadPng(url: string) {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("image/png");
  expect(res.headers.get("access-control-allow-origin")).toBe("*");
  return PNG.sync.read(Buffer.from(await res.arrayBuffer()));
}

/** The `ApiError` a client call rejects with (and a failed expectation if it does not). */
export async function apiRejection(promise: Promise<unknown>): Promise<ApiError<unknown>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError<unknown>;
}

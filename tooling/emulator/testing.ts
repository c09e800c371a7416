/**
 * Helpers for tests that run the emulator in-process: start it on a free port, send the
 * fal hosts to it, talk to its `/__emulator/*` controls and call it over plain HTTP.
 * Like the rest of emulator/, it imports nothing from the app: a test that drives the real
 * fal client through the app's rerouting passes the app's dispatcher in (`routeFalHosts`).
 */

import { ApiError } from "@fal-ai/client";
import { PNG } from "pngjs";
import { type Dispatcher, getGlobalDispatcher, setGlobalDispatcher } from "undici";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { createEmulator, type EmulatorOptions, type RunningEmulator } from "./server";

export const testFalKey = "test-fal-key";

export type ControlResponse = {
  status: number;
  body: unknown;
};

export type TestEmulator = RunningEmulator & {
  /** GET (no body) or POST (with a JSON body) to `/__emulator/<path>`. */
  control(path: string, body?: unknown): Promise<ControlResponse>;
};

export async function startTestEmulator(
  options: Partial<EmulatorOptions> = {},
): Promise<TestEmulator> {
  const emulator = await createEmulator({
    port: 0,
    falKey: testFalKey,
    queueMs: 50,
    runMs: 150,
    videoRunMs: 300,
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
    const response = await fetch(`${emulator.url}/__emulator/${path}`, init);
    return { status: response.status, body: await response.json() };
  };
  return { ...emulator, control };
}

/** Makes the dispatcher that sends fal's hosts to the emulator at this URL. */
export type FalRerouting = (emulatorUrl: string) => Dispatcher;

/** Sends every fetch for a fal host to the emulator with `rerouting`; returns the undo. */
export function routeFalToEmulator(
  emulatorUrl: string,
  rerouting: FalRerouting,
): () => Promise<void> {
  const previous: Dispatcher = getGlobalDispatcher();
  const dispatcher = rerouting(emulatorUrl);
  setGlobalDispatcher(dispatcher);
  return async () => {
    setGlobalDispatcher(previous);
    await dispatcher.close();
  };
}

export type HttpResult = {
  status: number;
  headers: Headers;
  json: unknown;
};

/** Plain-HTTP access to the emulator's fal routes, with the test key attached. */
export function falHttp(emulator: Pick<RunningEmulator, "url">) {
  const auth = { authorization: `Key ${testFalKey}`, "content-type": "application/json" };
  const call = async (path: string, init: RequestInit = {}): Promise<HttpResult> => {
    const response = await fetch(`${emulator.url}${path}`, {
      ...init,
      headers: { ...auth, ...init.headers },
    });
    const text = await response.text();
    const json = response.headers.get("content-type")?.includes("json")
      ? JSON.parse(text)
      : undefined;
    return { status: response.status, headers: response.headers, json };
  };
  const post = (path: string, body: unknown) =>
    call(path, { method: "POST", body: JSON.stringify(body) });
  const submit = async (
    endpoint = "fal-ai/flux/dev",
    input: unknown = { prompt: "p", seed: 1 },
  ) => {
    const response = await post(`/queue.fal.run/${endpoint}`, input);
    expect(response.status).toBe(200);
    return response.json as { request_id: string; status_url: string; response_url: string };
  };
  return { auth, call, post, submit };
}

/**
 * One emulator for a test file, started before its tests and reset after each one. With
 * `routeFalHosts` (the app's `createEmulatorDispatcher`), fetches for fal's hosts go to it
 * as they do in the app, so the real client works.
 */
export function emulatorForFile(
  options: Partial<EmulatorOptions> & { routeFalHosts?: FalRerouting } = {},
) {
  const { routeFalHosts, ...emulatorOptions } = options;
  let emulator: TestEmulator | undefined;
  let restoreDispatcher: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    emulator = await startTestEmulator(emulatorOptions);
    if (routeFalHosts) restoreDispatcher = routeFalToEmulator(emulator.url, routeFalHosts);
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
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("image/png");
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  return PNG.sync.read(Buffer.from(await response.arrayBuffer()));
}

/** The `ApiError` a client call rejects with (and a failed expectation if it does not). */
export async function apiRejection(promise: Promise<unknown>): Promise<ApiError<unknown>> {
  const error = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError<unknown>;
}

/**
 * What both port tests share: the app's real environment (read by the real session check,
 * key, limits and audit), a signed Auth.js session cookie, the emulator standing in for fal,
 * a node:http server on a free port, and the real fal client pointed at it.
 */
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { createFalClient } from "@fal-ai/client";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, vi } from "vitest";
import { falProxyPath, targetUrlHeader } from "@/lib/fal/proxy-contract";
import { createEmulatorDispatcher } from "@/lib/fal/server/reroute-to-emulator";
import { emulatorForFile, testFalKey } from "@/tooling/emulator/testing";
import { captureStdoutLines } from "../testing/stdout-lines";

const authSecret = "ports-test-secret-0123456789abcdef";
const cookieName = "authjs.session-token";
export const maxBodyBytes = 2048;
export const streamsPerUser = 2;

/** The environment the app reads (lib/env.ts), as a deployment would set it. */
export function stubAppEnv(): void {
  const env = {
    FAL_KEY: testFalKey,
    AUTH_SECRET: authSecret,
    AUTH_URL: "http://localhost:3000",
    AUTH_ALLOWED_EMAILS: "ada@example.com",
    PROXY_MAX_BODY_BYTES: String(maxBodyBytes),
    PROXY_STREAMS_PER_USER: String(streamsPerUser),
  };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
}

/** The cookie Auth.js sets when `email` signs in (verified by the provider, just now). */
export async function sessionCookie(email: string): Promise<string> {
  const token = {
    sub: `oidc:${email.split("@")[0]}`,
    email,
    emailVerified: true,
    signedInAt: Math.floor(Date.now() / 1000),
  };
  return `${cookieName}=${await encode({ token, secret: authSecret, salt: cookieName })}`;
}

/** Audit lines the proxy printed (one JSON line per proxied call on stdout). */
export function captureAudit(): () => Promise<Array<Record<string, unknown>>> {
  const lines = captureStdoutLines();
  return async () =>
    (await lines())
      .filter((line) => line.includes('"event":"fal_proxy"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A node:http server with `listener`, started before the file's tests, on a free port. */
export function serverForFile(listener: RequestListener) {
  const server = createServer(listener);
  let origin = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return {
    get proxyUrl() {
      return `${origin}${falProxyPath}`;
    },
  };
}

/** The fal emulator for this file, reached through fal's real hosts (rerouted in-process). */
export function falEmulatorForFile() {
  const emulator = emulatorForFile({
    routeFalHosts: createEmulatorDispatcher,
    queueMs: 50,
    runMs: 150,
  });
  const modelRuns = async () =>
    ((await emulator.control("received")).body as { modelRuns: number }).modelRuns;
  return Object.assign(emulator, { modelRuns });
}

/** The real `@fal-ai/client`, configured as the browser's is, sending `cookie` like a browser. */
export function falClientFor(proxyUrl: string, cookie?: string) {
  return createFalClient({
    // `when: "always"`: outside a browser the client calls fal directly unless told otherwise.
    proxyUrl: { url: proxyUrl, when: "always" },
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      if (cookie) headers.set("cookie", cookie);
      return fetch(input, { ...init, headers });
    },
  });
}

/** One raw call to the proxy, as a script (or an attacker) would make it. */
export function proxyFetch(
  proxyUrl: string,
  { target, cookie, body, method = body === undefined ? "GET" : "POST", signal }: RawCall,
) {
  const headers = new Headers({ [targetUrlHeader]: target });
  if (cookie) headers.set("cookie", cookie);
  if (body !== undefined) headers.set("content-type", "application/json");
  return fetch(proxyUrl, {
    method,
    headers,
    body,
    signal,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  });
}

type RawCall = {
  target: string;
  cookie?: string;
  body?: string | ReadableStream<Uint8Array>;
  method?: string;
  signal?: AbortSignal;
};

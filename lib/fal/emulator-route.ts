/**
 * Sends the server's fal traffic to the local emulator instead of fal. The fal client
 * hard-codes its hosts, so the rewrite happens one level below it, in undici's dispatcher:
 * `https://queue.fal.run/<path>` becomes `<emulator origin>/queue.fal.run/<path>`, and the same
 * for fal's other hosts, the Platform API's `api.fal.ai` included.
 * No "server-only" import: the test harness uses this file too.
 */
import { Agent, type Dispatcher } from "undici";
import { emulatedFalHosts } from "./fal-hosts";

const LOOPBACK_IPV4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * The emulator's origin and path for a request to a fal host, or null when the request
 * is for anything else (look-alike hosts, plain http, other ports included).
 */
export function rerouteToEmulator(
  origin: string,
  path: string,
  emulatorOrigin: string,
): { origin: string; path: string } | null {
  const source = parseUrl(origin);
  if (
    source?.protocol !== "https:" ||
    source.port !== "" ||
    !emulatedFalHosts.has(source.hostname)
  ) {
    return null;
  }
  // An origin has no credentials, path or query; anything else is not a plain fal request.
  if (source.username || source.password || source.pathname !== "/" || source.search) return null;
  const target = parseUrl(emulatorOrigin);
  if (!target) return null;
  const rest = path.startsWith("/") ? path : `/${path}`;
  return { origin: target.origin, path: `/${source.hostname}${rest}` };
}

/**
 * Parses the emulator URL and refuses anything off this machine: the rerouted requests
 * carry the server's fal key, which must never be sent to a remote host.
 */
export function assertLoopbackUrl(raw: string): URL {
  const url = parseUrl(raw);
  if (!url)
    throw new Error("FAL_EMULATOR_URL is not a valid URL (expected e.g. http://localhost:4010)");
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`FAL_EMULATOR_URL must use http or https, not "${url.protocol}"`);
  }
  if (url.username || url.password) {
    throw new Error("FAL_EMULATOR_URL must not contain credentials");
  }
  const host = url.hostname;
  if (host !== "localhost" && host !== "[::1]" && !LOOPBACK_IPV4.test(host)) {
    throw new Error(
      `FAL_EMULATOR_URL must point at this machine (localhost, 127.x.x.x or [::1]), not "${host}": ` +
        "requests to it carry the server's fal key",
    );
  }
  return url;
}

/** An undici dispatcher that reroutes fal hosts to the emulator; pass it to setGlobalDispatcher. */
export function createEmulatorDispatcher(emulatorUrl: string): Dispatcher {
  const emulatorOrigin = assertLoopbackUrl(emulatorUrl).origin;
  return new Agent().compose((dispatch) => (opts, handler) => {
    const origin = opts.origin === undefined ? undefined : String(opts.origin);
    const rerouted =
      origin === undefined ? null : rerouteToEmulator(origin, opts.path, emulatorOrigin);
    return dispatch(rerouted ? { ...opts, ...rerouted } : opts, handler);
  });
}

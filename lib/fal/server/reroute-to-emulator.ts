/**
 * The one seam between the app and the local emulator: with `FAL_EMULATOR_URL` set, the
 * server's fal traffic goes to the emulator instead of fal. The fal client hard-codes its
 * hosts, so the rewrite happens one level below it, in undici's dispatcher:
 * `https://queue.fal.run/<path>` becomes `<emulator origin>/queue.fal.run/<path>`, and the same
 * for fal's other hosts, the Platform API's `api.fal.ai` included. The app knows the emulator
 * only by this URL; delete tooling/ and this module stays, unused unless the variable is set.
 */
import "server-only";
import { Agent, type Dispatcher } from "undici";
import { assertLoopbackUrl } from "@/lib/env-values";
import { emulatedFalHosts } from "../fal-hosts";

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

/**
 * Part of the one seam to the local emulator (see reroute-to-emulator.ts): the emulator keeps
 * uploads and draws outputs at its own origin (`http://localhost:4010/files/…`), not on fal's
 * media hosts, so with `FAL_EMULATOR_URL` set that origin is accepted for input images too, by
 * the proxy and (passed down by the page) by the form. Without it the list is empty: only
 * fal's media hosts.
 */
import "server-only";
import type { ExtraMediaOrigins } from "@/lib/catalog/media-url";
import { serverEnv } from "@/lib/env";

export type { ExtraMediaOrigins };

/** The origins besides fal's media hosts an input image may come from: for the page's form too. */
export function extraMediaOrigins(): ExtraMediaOrigins {
  const { emulatorUrl } = serverEnv();
  return emulatorUrl ? [emulatorUrl.origin] : [];
}

/**
 * The hosts `@fal-ai/client` calls (hard-coded in its source). The proxy forwards the
 * browser's requests only to these.
 */
export const falHosts: ReadonlySet<string> = new Set(["queue.fal.run", "fal.run", "rest.fal.ai"]);

/**
 * fal's Platform API (prices, usage). Only the server and scripts call it, with the
 * owner's key: it is deliberately not in `falHosts`, so the browser cannot reach it.
 */
export const falPlatformHost = "api.fal.ai";

/** Every fal host the emulator stands in for, so server-side calls to any of them reroute. */
export const emulatedFalHosts: ReadonlySet<string> = new Set([...falHosts, falPlatformHost]);

/**
 * Where fal keeps media: uploads through `fal.storage` and every model's outputs
 * (`https://v3.fal.media/files/…`). An input image (`image_url`) must live on this domain or one
 * of its subdomains, so fal is never asked to fetch an arbitrary URL for a caller.
 */
export const falMediaDomain = "fal.media";

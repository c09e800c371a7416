/**
 * The hosts `@fal-ai/client` calls (hard-coded in its source): the proxy forwards only to
 * these, and the emulator stands in for exactly these.
 */
export const falHosts: ReadonlySet<string> = new Set(["queue.fal.run", "fal.run", "rest.fal.ai"]);

/**
 * The hosts `@fal-ai/client` calls (hard-coded in its source): the proxy forwards only to
 * these, and the emulator stands in for exactly these.
 */
export const falHosts: ReadonlySet<string> = new Set(["queue.fal.run", "fal.run", "rest.fal.ai"]);

/** The hosts that run models: a POST to them spends credit, so it must name a catalog model. */
export const modelHosts: ReadonlySet<string> = new Set(["queue.fal.run", "fal.run"]);

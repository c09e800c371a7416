/**
 * How the browser's fal client reaches fal through this app, named once for the client, the
 * proxy and the tools that test and measure it.
 */

/** The route the browser's fal client calls instead of fal (`fal.config({ proxyUrl })`). */
export const falProxyPath = "/api/fal/proxy";

/** The header in which `@fal-ai/client` sends the real fal URL to the proxy. */
export const targetUrlHeader = "x-fal-target-url";

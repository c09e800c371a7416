import { fal } from "@fal-ai/client";

fal.config({
  // The browser never holds a key: every call goes to our own route, which adds it.
  proxyUrl: "/api/fal/proxy",
  // Not 429: the proxy's per-user limit resets in minutes, so retrying within seconds only
  // delays the message that says when to come back.
  retry: { retryableStatusCodes: [502, 503, 504] },
});

export { fal };

import { fal } from "@fal-ai/client";
import { falProxyPath } from "../proxy-contract";
import { fetchWithFinalRefusals } from "./final-refusals";

fal.config({
  // The browser never holds a key: every call goes to our own route, which adds it.
  proxyUrl: falProxyPath,
  // Not 429: the proxy's per-user limit resets in minutes, so retrying within seconds only
  // delays the message that says when to come back.
  retry: { retryableStatusCodes: [502, 503, 504] },
  // Queue calls ignore `retry` above; this makes the proxy's own 429s final for them too.
  fetch: fetchWithFinalRefusals(),
});

export { fal };

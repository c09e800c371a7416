import { fal } from "@fal-ai/client";
import { falProxyPath } from "../proxy-contract";

fal.config({
  // The browser never holds a key: every call goes to our own route, which adds it.
  proxyUrl: falProxyPath,
  // Not 429: the proxy's per-user limit resets in minutes, so retrying within seconds only
  // delays the message that says when to come back. Not 504: the proxy answers it after
  // waiting its whole upstream timeout (PROXY_UPSTREAM_TIMEOUT_MS), so each retry of a hang
  // would wait that long again, and "fal did not answer within 30 s" would arrive minutes late.
  retry: { retryableStatusCodes: [502, 503] },
});

export { fal };

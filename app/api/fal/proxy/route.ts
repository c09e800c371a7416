import { createRouteHandler } from "@fal-ai/server-proxy/nextjs";
import { isAllowedCaller } from "@/lib/auth/access";
import { allowedEndpoints } from "@/lib/catalog/models";
import { falAuthorization } from "@/lib/fal/server/server-credentials";
import { guardProxy } from "@/lib/proxy/guard";
import { falProxyPolicy } from "@/lib/proxy/policy";

/**
 * The browser's only door to fal's models. fal's library adds the server's key and calls fal,
 * for the catalog's models and signed-in, allowed users only; the guard decides first, by the
 * app's policy, who may call what, with which input, how often, for how much, and on which
 * requests and images (docs/security.md).
 */
const falProxy = createRouteHandler({
  allowedEndpoints,
  allowUnauthorizedRequests: false,
  isAuthenticated: isAllowedCaller,
  resolveFalAuth: async () => falAuthorization(),
});

export const { GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS } = guardProxy(
  falProxy,
  falProxyPolicy,
);

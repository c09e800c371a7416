import { createRouteHandler } from "@fal-ai/server-proxy/nextjs";
import { identifyProxyCaller } from "@/lib/auth/access";
import { allowedEndpoints, models } from "@/lib/catalog/models";
import { falAuthorization } from "@/lib/fal/server/server-credentials";
import { guardProxy, isAdmittedByGuard } from "@/lib/proxy/guard";
import { modelRequestPolicy } from "@/lib/proxy/model-request";
import { proxySetup } from "@/lib/proxy/proxy-setup";

/**
 * The browser's only door to fal's models. The library adds the server's key and calls fal;
 * the guard decides, before it, who may call what, with which input, how often, for how much,
 * and on which requests and images (see README, "Security model").
 */
const falProxy = createRouteHandler({
  allowedEndpoints,
  allowUnauthorizedRequests: false,
  isAuthenticated: isAdmittedByGuard,
  resolveFalAuth: async () => falAuthorization(),
});

export const { GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS } = guardProxy(() => ({
  upstream: falProxy,
  identify: identifyProxyCaller,
  targets: { endpoints: allowedEndpoints },
  modelRequest: modelRequestPolicy(models),
  ...proxySetup(),
}));

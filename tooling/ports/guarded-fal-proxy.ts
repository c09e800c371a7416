import { createRouteHandler } from "@fal-ai/server-proxy/nextjs";
import { identifyProxyCaller } from "@/lib/auth/access";
import { allowedEndpoints, models } from "@/lib/catalog/models";
import { falAuthorization } from "@/lib/fal/server/server-credentials";
import { guardProxy, isAdmittedByGuard } from "@/lib/proxy/guard";
import { modelRequestPolicy } from "@/lib/proxy/model-request";
import { proxySetup } from "@/lib/proxy/proxy-setup";

// The same policy as app/api/fal/proxy/route.ts, piece for piece.
const falProxy = createRouteHandler({
  allowedEndpoints,
  allowUnauthorizedRequests: false,
  isAuthenticated: isAdmittedByGuard,
  resolveFalAuth: async () => falAuthorization(),
});

/**
 * The guarded proxy as one web handler (`Request` in, `Response` out) for every method: the
 * guard answers 405 itself for the ones it refuses.
 */
export const { POST: guardedFalProxy } = guardProxy(() => ({
  upstream: falProxy,
  identify: identifyProxyCaller,
  targets: { endpoints: allowedEndpoints },
  modelRequest: modelRequestPolicy(models),
  ...proxySetup(),
}));

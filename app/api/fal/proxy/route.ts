import { createRouteHandler } from "@fal-ai/server-proxy/nextjs";
import { getAccess } from "@/lib/auth/access";
import { guardProxy } from "@/lib/fal/guard-proxy";
import { falAuthorization } from "@/lib/fal/server-credentials";
import { allowedEndpoints } from "@/lib/models";

/**
 * The browser's only door to fal. The key stays here; only signed-in, allowed users get
 * through; only the catalog's models can be called.
 */
const falProxy = createRouteHandler({
  allowedEndpoints,
  allowUnauthorizedRequests: false,
  isAuthenticated: async () => (await getAccess()).status === "allowed",
  resolveFalAuth: async () => falAuthorization(),
});

export const { GET, POST, PUT } = guardProxy(falProxy);

import type { IncomingMessage, ServerResponse } from "node:http";
import { createRouteHandler } from "@fal-ai/server-proxy/nextjs";
import type { NextApiHandler } from "next";
import { identifyProxyCaller } from "@/lib/auth/access";
import { allowedEndpoints, models } from "@/lib/catalog/models";
import { falAuthorization } from "@/lib/fal/server/server-credentials";
import { guardProxy, isAdmittedByGuard } from "@/lib/proxy/guard";
import { modelRequestPolicy } from "@/lib/proxy/model-request";
import { proxySetup } from "@/lib/proxy/proxy-setup";
import { sendWebResponse, toWebRequest } from "./node-bridge";

// The guard reads the raw body and counts its bytes (PROXY_MAX_BODY_BYTES). Next's parser
// would buffer up to 1 MB first and hand over an object whose original text is gone.
export const config = { api: { bodyParser: false } };

// The same policy as app/api/fal/proxy/route.ts, piece for piece.
const falProxy = createRouteHandler({
  allowedEndpoints,
  allowUnauthorizedRequests: false,
  isAuthenticated: isAdmittedByGuard,
  resolveFalAuth: async () => falAuthorization(),
});

// Every method gets the same guarded handler; it answers 405 itself for the ones it refuses.
const { POST: guarded } = guardProxy(() => ({
  upstream: falProxy,
  identify: identifyProxyCaller,
  targets: { endpoints: allowedEndpoints, uploads: false },
  modelRequest: modelRequestPolicy(models),
  ...proxySetup(),
}));

async function falProxyRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
  await sendWebResponse(await guarded(toWebRequest(req)), res);
}

// Typed with Node's request and response, which is all it uses; Next passes subclasses.
export default falProxyRoute satisfies NextApiHandler;

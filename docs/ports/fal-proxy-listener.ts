import type { IncomingMessage, ServerResponse } from "node:http";
import { createRouteHandler } from "@fal-ai/server-proxy/nextjs";
import { identifyProxyCaller } from "@/lib/auth/access";
import { allowedEndpoints, models } from "@/lib/catalog/models";
import { falProxyPath } from "@/lib/fal/proxy-contract";
import { falAuthorization } from "@/lib/fal/server/server-credentials";
import { guardProxy, isAdmittedByGuard } from "@/lib/proxy/guard";
import { modelRequestPolicy } from "@/lib/proxy/model-request";
import { proxySetup } from "@/lib/proxy/proxy-setup";
import { sendWebResponse, toWebRequest } from "./node-bridge";

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

/** Whether `req` is for the fal proxy: the path the browser's fal client calls, any query. */
export function isFalProxyRequest(req: IncomingMessage): boolean {
  return new URL(req.url ?? "/", "http://localhost").pathname === falProxyPath;
}

/** A node:http listener for the proxy. Mount it before anything that reads the body. */
export async function falProxyListener(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    await sendWebResponse(await guarded(toWebRequest(req)), res);
  } catch (error) {
    // The guard answers every refusal and fal failure itself; this catches the rest (a bad
    // environment), so a node:http server logs one line instead of crashing.
    console.error(`fal proxy: ${error instanceof Error ? error.message : "failed"}`);
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { code: "internal_error", message: "The proxy failed." } }));
  }
}

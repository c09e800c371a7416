import type { IncomingMessage, ServerResponse } from "node:http";
// The App Router route's handler is a plain `(Request) => Response` for every method, the
// guard and fal's library in it: another host calls the same one, and the policy stays in one place.
import { POST as guardedFalProxy } from "@/app/api/fal/proxy/route";
import { falProxyPath } from "@/lib/fal/proxy-contract";
import { sendWebResponse, toWebRequest } from "./node-bridge";

/** Whether `req` is for the fal proxy: the path the browser's fal client calls, any query. */
export function isFalProxyRequest(req: IncomingMessage): boolean {
  return new URL(req.url ?? "/", "http://localhost").pathname === falProxyPath;
}

/** A node:http listener for the proxy. Mount it before anything that reads the body. */
export async function falProxyListener(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    await sendWebResponse(await guardedFalProxy(toWebRequest(req)), res);
  } catch (error) {
    // The guard answers every refusal and fal failure itself; this catches the rest (a bad
    // environment), so a node:http server logs one line instead of crashing.
    console.error(`fal proxy: ${error instanceof Error ? error.message : "failed"}`);
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { code: "internal_error", message: "The proxy failed." } }));
  }
}

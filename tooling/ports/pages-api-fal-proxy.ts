import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextApiHandler } from "next";
// The App Router route's handler is a plain `(Request) => Response` for every method, the
// guard and fal's library in it: another host calls the same one, and the policy stays in one place.
import { POST as guardedFalProxy } from "@/app/api/fal/proxy/route";
import { sendWebResponse, toWebRequest } from "./node-bridge";

// The guard reads the raw body and counts its bytes (PROXY_MAX_BODY_BYTES). Next's parser
// would buffer up to 1 MB first and hand over an object whose original text is gone.
export const config = { api: { bodyParser: false } };

async function falProxyRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
  await sendWebResponse(await guardedFalProxy(toWebRequest(req)), res);
}

// Typed with Node's request and response, which is all it uses; Next passes subclasses.
export default falProxyRoute satisfies NextApiHandler;

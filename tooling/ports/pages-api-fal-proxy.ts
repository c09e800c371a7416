import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextApiHandler } from "next";
import { guardedFalProxy } from "./guarded-fal-proxy";
import { sendWebResponse, toWebRequest } from "./node-bridge";

// The guard reads the raw body and counts its bytes (PROXY_MAX_BODY_BYTES). Next's parser
// would buffer up to 1 MB first and hand over an object whose original text is gone.
export const config = { api: { bodyParser: false } };

async function falProxyRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
  await sendWebResponse(await guardedFalProxy(toWebRequest(req)), res);
}

// Typed with Node's request and response, which is all it uses; Next passes subclasses.
export default falProxyRoute satisfies NextApiHandler;

import { identifyProxyCaller } from "@/lib/auth/access";
import { serverEnv } from "@/lib/env";
import { falStorage } from "@/lib/fal/server/fal-storage";
import { proxySetup } from "@/lib/proxy/proxy-setup";
import { handleImageUpload, type ImageUploadConfig } from "@/lib/uploads/image-upload-route";

/**
 * The browser's door to fal's storage: an image for a model comes here, is decoded and
 * written again by the server, and is stored at fal with the server's key (see README,
 * "Uploads"). The proxy itself starts no storage uploads.
 */
let config: ImageUploadConfig | undefined;

export async function POST(request: Request): Promise<Response> {
  // Read on the first request, not while `next build` imports the route.
  config ??= {
    identify: identifyProxyCaller,
    storage: falStorage(serverEnv().proxy.upstreamTimeoutMs),
    ...proxySetup(),
  };
  return handleImageUpload(config, request);
}

import { identifyProxyCaller } from "@/lib/auth/access";
import { serverEnv } from "@/lib/env";
import { falStorage } from "@/lib/fal/server/fal-storage";
import { writeAuditLine } from "@/lib/proxy/audit-log";
import { appStores } from "@/lib/stores/app-stores";
import { handleImageUpload, type ImageUploadConfig } from "@/lib/uploads/image-upload-route";

/**
 * The browser's door to fal's storage: an image for a model comes here, is decoded and
 * written again by the server, and is stored at fal with the server's key (docs/security.md,
 * "Uploads"). The proxy itself starts no storage uploads.
 */
let config: ImageUploadConfig | undefined;

export async function POST(request: Request): Promise<Response> {
  // Read on the first request, not while `next build` imports the route.
  config ??= {
    identify: identifyProxyCaller,
    storage: falStorage(serverEnv().proxy.upstreamTimeoutMs),
    uploads: appStores().uploads,
    media: appStores().media,
    audit: writeAuditLine,
  };
  return handleImageUpload(config, request);
}

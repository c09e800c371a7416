import { fal } from "@fal-ai/client";

// The browser never holds a key: every call goes to our own route, which adds it.
fal.config({ proxyUrl: "/api/fal/proxy" });

export { fal };

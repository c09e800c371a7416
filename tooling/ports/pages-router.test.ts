/**
 * The Pages Router API route (docs/pages-router.md), called as `next start` calls it: with
 * Node's own request and response, behind the gzip middleware Next puts in front of API routes.
 */
import compression from "next/dist/compiled/compression";
import { vi } from "vitest";
import falProxyRoute from "./pages-api-fal-proxy";
import { describeProxyPort } from "./port-scenarios";
import { stubAppEnv } from "./port-test-kit";

// The pages' Auth.js instance, which the proxy never calls (it reads the session cookie itself,
// identifyProxyCaller); next-auth's ESM only loads under a bundler or tsx, not Vitest's Node.
vi.mock("@/auth", () => ({ auth: async () => null }));
stubAppEnv();
const gzip = compression();

describeProxyPort("the Pages Router", (req, res) => {
  gzip(req, res, () => undefined);
  void falProxyRoute(req, res);
});

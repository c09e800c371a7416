/** The proxy on a plain node:http server (docs/custom-server.md), against the emulator. */

import { vi } from "vitest";
import { falProxyListener, isFalProxyRequest } from "./fal-proxy-listener";
import { describeProxyPort } from "./port-scenarios";
import { stubAppEnv } from "./port-test-kit";

// The pages' Auth.js instance, which the proxy never calls (it reads the session cookie itself,
// identifyProxyCaller); next-auth's ESM only loads under a bundler or tsx, not Vitest's Node.
vi.mock("@/auth", () => ({ auth: async () => null }));
stubAppEnv();

describeProxyPort("a custom node:http server", (req, res) => {
  if (isFalProxyRequest(req)) return void falProxyListener(req, res);
  res.writeHead(404).end();
});

import type { NextConfig } from "next";
import { everyAnswerHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The build type-checks the template alone (tsconfig.app.json), so removing the emulator, the
  // bench or the tests never breaks it; `npm run typecheck` checks everything.
  typescript: { tsconfigPath: "tsconfig.app.json" },
  // Every answer: pages, route handlers, Next's static files. Pages get their CSP in proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: [...everyAnswerHeaders] }];
  },
};

export default nextConfig;

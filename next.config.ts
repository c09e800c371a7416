import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The build type-checks the template alone (tsconfig.app.json), so removing the emulator, the
  // bench or the tests never breaks it; `npm run typecheck` checks everything.
  typescript: { tsconfigPath: "tsconfig.app.json" },
};

export default nextConfig;

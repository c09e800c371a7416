/**
 * The app the bench builds: a copy of the tracked tree with one route of its own, the
 * library's `createRouteHandler` bare (no guard, no session), so the proxy can be measured
 * against it in the same server and the same run. The route exists only in that copy, never
 * in the template.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { copyTrackedTree } from "../tracked-tree";

export const bareRoutePath = "/api/bench/bare";

// What fal's docs set up, minus the app's checks: the catalog's endpoints, the server's key.
const bareRoute = `import { createRouteHandler } from "@fal-ai/server-proxy/nextjs";
import { allowedEndpoints } from "@/lib/catalog/models";
import { falAuthorization } from "@/lib/fal/server/server-credentials";

export const { GET, POST, PUT } = createRouteHandler({
  allowedEndpoints,
  allowUnauthorizedRequests: true,
  resolveFalAuth: async () => falAuthorization(),
});
`;

const configStart = "const nextConfig: NextConfig = {";
const unminified = `${configStart}\n  experimental: { serverMinification: false, turbopackMinify: false },`;

/**
 * Copies the tree (without the tests and the tooling, which the app never imports), adds the
 * bare route, and with `minify: false` (for the profiler) keeps the server's code unminified;
 * answers the folder, and a function that removes it.
 */
export function prepareBenchTree({ minify = true } = {}): { dir: string; remove: () => void } {
  const dir = copyTrackedTree("fal-bench-app-", ["e2e/", "tooling/"]);
  const routeDir = join(dir, "app", bareRoutePath.slice(1));
  mkdirSync(routeDir, { recursive: true });
  writeFileSync(join(routeDir, "route.ts"), bareRoute);
  if (!minify) {
    const configPath = join(dir, "next.config.ts");
    const config = readFileSync(configPath, "utf8");
    if (!config.includes(configStart)) throw new Error(`next.config.ts has no "${configStart}"`);
    writeFileSync(configPath, config.replace(configStart, unminified));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // `server-only` throws outside React Server bundles; unit tests run server code directly.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**"],
    environment: "node",
    // Whether redis-server is here, decided once: the store tests skip their Redis cases without it.
    globalSetup: ["scripts/test-services/vitest-redis.ts"],
    // Dates print the same on every machine.
    env: { TZ: "UTC" },
  },
});

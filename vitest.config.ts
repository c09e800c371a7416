import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// `server-only` throws outside React Server bundles; unit tests run server code directly, so
// they get its empty twin. Found through Node's resolution, not a fixed node_modules path, so
// pnpm's, Yarn's and Bun's layouts work too (the package exports only "." under conditions).
const serverOnlyEmpty = join(
  dirname(createRequire(import.meta.url).resolve("server-only")),
  "empty.js",
);

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": serverOnlyEmpty,
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**"],
    environment: "node",
    // Whether redis-server is here, decided once: the store tests skip their Redis cases without it.
    globalSetup: ["tooling/testing/services/vitest-redis.ts"],
    // Dates print the same on every machine.
    env: { TZ: "UTC" },
  },
});

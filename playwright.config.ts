import { defineConfig, devices } from "@playwright/test";
import {
  budgetAppPort,
  e2eAppEnv,
  e2eBudgetAppEnv,
  e2ePorts,
  e2eSecrets,
  redisPort,
  secondAppPort,
  storageStatePath,
} from "./e2e/support/e2e-env";
import { chromiumArgs, findChromium } from "./e2e/support/find-chromium";

const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: "e2e",
  // One app, one emulator: tests arm emulator faults and timing, so they run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: ci,
  reporter: ci ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://localhost:${e2ePorts.app}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      args: chromiumArgs,
    },
  },
  projects: [
    { name: "sign-in", testMatch: /sign-in\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], storageState: storageStatePath },
      dependencies: ["sign-in"],
    },
  ],
  webServer: [
    {
      command: "npx tsx scripts/serve-local.ts",
      url: `http://localhost:${e2ePorts.oidc}/.well-known/openid-configuration`,
      env: {
        FAL_KEY: e2eSecrets.falKey,
        EMULATOR_PORT: String(e2ePorts.emulator),
        OIDC_PORT: String(e2ePorts.oidc),
      },
      reuseExistingServer: !ci,
      stdout: "pipe",
    },
    {
      command: `redis-server --port ${redisPort} --bind 127.0.0.1 --save "" --appendonly no`,
      port: redisPort,
      reuseExistingServer: !ci,
    },
    {
      // The production build, built with the test key in its environment, so the tests can
      // prove that no built asset carries it.
      command: `npx tsx e2e/support/serve-app.ts ${e2ePorts.app} --build`,
      url: `http://localhost:${e2ePorts.app}/sign-in`,
      env: e2eAppEnv(e2ePorts.app),
      timeout: 300_000,
      reuseExistingServer: !ci,
      // The build's output; the server's own (audit lines included) goes to e2e/.logs.
      stdout: "pipe",
    },
    {
      // A second instance of the same build: limits and request ownership live in the Redis
      // both use, as on a platform that runs many instances.
      command: `npx tsx e2e/support/serve-app.ts ${secondAppPort}`,
      url: `http://localhost:${secondAppPort}/sign-in`,
      env: e2eAppEnv(secondAppPort),
      reuseExistingServer: !ci,
    },
    {
      // Small budgets in memory, used up by e2e/budgets.spec.ts: always a fresh process, so a
      // second local run starts from zero too.
      command: `npx tsx e2e/support/serve-app.ts ${budgetAppPort}`,
      url: `http://localhost:${budgetAppPort}/sign-in`,
      env: e2eBudgetAppEnv(),
      reuseExistingServer: false,
    },
  ],
});

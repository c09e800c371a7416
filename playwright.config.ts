import { defineConfig, devices } from "@playwright/test";
import {
  budgetAppPort,
  e2eAppEnv,
  e2eBudgetAppEnv,
  e2ePorts,
  e2eSecrets,
  redisPort,
  secondAppPort,
  sharedRedisUrl,
  storageStatePath,
} from "./tooling/testing/e2e-env";
import { chromiumLaunchArgs } from "./tooling/testing/services/locate";
import { notices } from "./tooling/testing/services/notices";
import { isCi, readTestServices } from "./tooling/testing/services/services-file";

const ci = isCi();
// Only read here: `npm run test:services` finds or installs them, before the tests.
const services = readTestServices();
const requiredUnderCi = [
  ...(services.redisServer ? [] : [notices.redisRequired]),
  ...(services.chromium ? [] : [notices.chromiumRequired()]),
];
if (ci && requiredUnderCi.length > 0) {
  // The message is the whole story; a stack through Playwright's config loader would bury it.
  for (const line of requiredUnderCi) console.error(line);
  process.exit(1);
}
const sharedRedis = services.redisServer !== null;

/** Without redis-server: one instance with its stores in memory, and no second one to share them. */
const sharedRedisServer = services.redisServer
  ? [
      {
        command: `"${services.redisServer}" --port ${redisPort} --bind 127.0.0.1 --save "" --appendonly no`,
        port: redisPort,
        reuseExistingServer: !ci,
      },
    ]
  : [];
const secondInstance = services.redisServer
  ? [
      {
        // A second instance of the same build: limits and request ownership live in the Redis
        // both use, as on a platform that runs many instances.
        command: `node --import tsx e2e/support/serve-app.ts ${secondAppPort}`,
        url: `http://localhost:${secondAppPort}/sign-in`,
        env: e2eAppEnv(secondAppPort, sharedRedisUrl),
        reuseExistingServer: !ci,
      },
    ]
  : [];

export default defineConfig({
  testDir: "e2e",
  // One app, one emulator: tests arm emulator faults and timing, so they run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: ci,
  // The HTML report on CI too: the GitHub workflow uploads it when a run fails.
  reporter: [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // Read by skipUnlessSharedRedis() in the tests of two instances.
  metadata: { sharedRedis },
  use: {
    baseURL: `http://localhost:${e2ePorts.app}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: services.chromium ?? undefined,
      args: chromiumLaunchArgs,
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
      command: "node --import tsx tooling/services.ts",
      url: `http://localhost:${e2ePorts.oidc}/.well-known/openid-configuration`,
      env: {
        FAL_KEY: e2eSecrets.falKey,
        EMULATOR_PORT: String(e2ePorts.emulator),
        OIDC_PORT: String(e2ePorts.oidc),
      },
      reuseExistingServer: !ci,
      stdout: "pipe",
    },
    ...sharedRedisServer,
    {
      // The production build, built with the test key in its environment, so the tests can
      // prove that no built asset carries it.
      command: `node --import tsx e2e/support/serve-app.ts ${e2ePorts.app} --build`,
      url: `http://localhost:${e2ePorts.app}/sign-in`,
      env: e2eAppEnv(e2ePorts.app, sharedRedis ? sharedRedisUrl : ""),
      timeout: 300_000,
      reuseExistingServer: !ci,
      // The build's output; the server's own (audit lines included) goes to e2e/.logs.
      stdout: "pipe",
    },
    ...secondInstance,
    {
      // Small budgets in memory, used up by e2e/budgets.spec.ts: always a fresh process, so a
      // second local run starts from zero too.
      command: `node --import tsx e2e/support/serve-app.ts ${budgetAppPort}`,
      url: `http://localhost:${budgetAppPort}/sign-in`,
      env: e2eBudgetAppEnv(),
      reuseExistingServer: false,
    },
  ],
});

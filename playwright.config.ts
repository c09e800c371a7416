import { defineConfig, devices } from "@playwright/test";
import { e2eAppEnv, e2ePorts, e2eSecrets, storageStatePath } from "./e2e/support/e2e-env";
import { findChromium } from "./e2e/support/find-chromium";

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
      // This machine has no outside network: keep Chromium from reaching for it.
      args: ["--disable-background-networking", "--disable-component-update", "--disable-quic"],
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
      // The production build, built with the test key in its environment, so the tests can
      // prove that no built asset carries it.
      command: `npx next build && npx next start --port ${e2ePorts.app}`,
      url: `http://localhost:${e2ePorts.app}/sign-in`,
      env: e2eAppEnv,
      timeout: 300_000,
      reuseExistingServer: !ci,
      stdout: "pipe",
    },
  ],
});

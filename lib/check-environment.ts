import "server-only";
import { setGlobalDispatcher } from "undici";
import { dearestRun } from "@/lib/catalog/dearest-run";
import { catalog } from "@/lib/catalog/models";
import { formatUsd } from "@/lib/catalog/money";
import { serverEnv } from "@/lib/env";
import { createEmulatorDispatcher } from "@/lib/fal/server/reroute-to-emulator";

/**
 * Run once as the server starts (it starts nothing itself): stops the process on a bad
 * environment, saying what is missing, and warns about risky defaults. With
 * `FAL_EMULATOR_URL` set, it sends the server's requests to fal's hosts to the local emulator
 * instead: the one seam between demo/test mode and production, below the route code, which
 * is the same in both.
 */
export function checkEnvironmentAndWireEmulator() {
  let env: ReturnType<typeof serverEnv>;
  try {
    env = serverEnv();
  } catch (error) {
    console.error(`\n${(error as Error).message}\nSee .env.example for every variable.\n`);
    process.exit(1);
  }

  if (env.emulatorUrl) {
    setGlobalDispatcher(createEmulatorDispatcher(env.emulatorUrl.href));
    console.warn(`fal: using the local emulator at ${env.emulatorUrl.origin}, not fal.ai`);
  }
  if (!env.falKey) {
    console.warn("fal: FAL_KEY is not set; the proxy will refuse every request until it is.");
  }
  if (env.allowList.kind === "anyone") {
    console.warn(
      "auth: AUTH_ALLOWED_EMAILS is not set, so ANY signed-in user can spend your fal credit.",
    );
  }
  if (env.budgets.defaulted.length > 0) {
    const { perUserDailyMicroUsd, appDailyMicroUsd } = env.budgets;
    console.warn(
      `budgets: ${env.budgets.defaulted.join(" and ")} not set; spending is capped at ${formatUsd(perUserDailyMicroUsd)} per user and ${formatUsd(appDailyMicroUsd)} for the whole app per UTC day.`,
    );
  }
  // One video can cost dollars: say which runs the per-user budget can never pay for.
  const dearest = dearestRun(catalog);
  if (dearest && dearest.costMicroUsd > env.budgets.perUserDailyMicroUsd) {
    const { duration, resolution, generate_audio } = dearest.input;
    console.warn(
      `budgets: the dearest run, ${dearest.model.name} for ${duration} at ${resolution}${generate_audio ? " with audio" : ""}, costs ${formatUsd(dearest.costMicroUsd)}, more than a user's ${formatUsd(env.budgets.perUserDailyMicroUsd)} a day: runs dearer than a user's budget are refused.`,
    );
  }
  if (!env.github && !env.oidc) {
    console.warn("auth: no sign-in provider is configured; see /sign-in for what to set.");
  }
}

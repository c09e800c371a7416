import { demoUser } from "../testing/demo-user";
import { emulatorControl } from "../testing/emulator-control";
import { onEmulator as onAnEmulator } from "../testing/fal-urls";
import { type LocalPorts, localAppEnv, randomSecret } from "../testing/local-env";

/** Ports apart from demo mode's (3000, 4010, 4011) and the e2e tests' (3100, 3101, 4100-4102). */
export const benchPorts: LocalPorts = { app: 3200, emulator: 4200, oidc: 4201 };

export const appUrl = `http://localhost:${benchPorts.app}`;
export const emulatorUrl = `http://localhost:${benchPorts.emulator}`;
export const emulator = emulatorControl(emulatorUrl);

/** Made for this run, like demo mode's: nothing here is a real credential. */
export const benchSecrets = { falKey: `bench-${randomSecret()}`, authSecret: randomSecret() };

/** Signed in by a minted cookie; on the allow-list (it is the demo user). */
export const benchUser = { id: "bench:demo-user", email: demoUser.email, name: demoUser.name };

/**
 * Whom the time-to-output runs sign in as: on the allow-list (the demo user's email) but with a
 * history of its own. The bench user's holds the load's thousands of runs, and their cards would
 * follow those requests and load their images while a run is timed.
 */
export const outputUser = { id: "bench:output-user", email: demoUser.email, name: demoUser.name };

/** The limits sit far above anything a run sends, so the load never meets a 429. */
const unreachableLimit = "1000000000";

/**
 * The app's environment: the same as demo mode (emulator, local sign-in), limits out of
 * reach, no REDIS_URL (limits and ownership in memory), telemetry off.
 */
export function benchAppEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...localAppEnv(benchPorts, benchSecrets),
    NEXT_TELEMETRY_DISABLED: "1",
    RATE_LIMIT_PER_MINUTE: unreachableLimit,
    RATE_LIMIT_PER_DAY: unreachableLimit,
    // The status load is thousands of reads a minute by one user.
    PROXY_READS_PER_MINUTE: unreachableLimit,
    PROXY_STREAMS_PER_USER: unreachableLimit,
    // A submit load spends thousands of estimated dollars in a few seconds.
    BUDGET_PER_USER_DAILY_USD: unreachableLimit,
    BUDGET_APP_DAILY_USD: unreachableLimit,
  };
  delete env.REDIS_URL;
  return env;
}

/** The same URL on this run's emulator. */
export function onEmulator(falUrl: string): string {
  return onAnEmulator(falUrl, emulatorUrl);
}

export const submitBody = JSON.stringify({ prompt: "A benchmark", num_images: 1 });

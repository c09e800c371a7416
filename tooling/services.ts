/**
 * `npm run services`: the fal emulator and the local sign-in, for `npm run dev` without a
 * fal account and for the e2e tests. Needs FAL_KEY: the key the emulator will demand.
 */

import { startLocalServices } from "./start-local-services";
import { demoPorts } from "./testing/local-env";

const falKey = process.env.FAL_KEY;
if (!falKey) {
  console.error("Set FAL_KEY to the key the emulator should demand (any string works locally).");
  process.exit(1);
}

const ports = {
  ...demoPorts,
  emulator: Number(process.env.EMULATOR_PORT ?? demoPorts.emulator),
  oidc: Number(process.env.OIDC_PORT ?? demoPorts.oidc),
};

const services = await startLocalServices(ports, falKey);
console.log(`fal emulator:  ${services.emulatorUrl}`);
console.log(`OIDC provider: ${services.oidcIssuer}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void services.close().then(() => process.exit(0));
  });
}

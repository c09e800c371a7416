/**
 * `npm run test:services`, the first step of `npm test`: finds redis-server and Chromium,
 * installs what is missing where it can (see test-services/install.ts), and records the answer
 * in .test-services.json for the unit and e2e runners. Without CI, a missing service is a
 * notice and its tests are skipped; with CI=true it is a failure.
 */
import { aptInstall, playwrightInstallChromium } from "./testing/services/install";
import { chromiumPathVariable, versionOf } from "./testing/services/locate";
import { notices } from "./testing/services/notices";
import {
  isCi,
  locateTestServices,
  servicesFile,
  writeTestServices,
} from "./testing/services/services-file";

const say = (line: string) => console.log(`[test-services] ${line}`);

let services = locateTestServices();
const missing = [
  ...(services.redisServer ? [] : ["redis-server"]),
  // An explicit executable path that is wrong is the caller's to fix, not ours to replace.
  ...(services.chromium || process.env[chromiumPathVariable] ? [] : ["chromium"]),
];
if (missing.length > 0) {
  aptInstall(missing);
  services = locateTestServices();
  if (!services.chromium && !process.env[chromiumPathVariable]) {
    playwrightInstallChromium();
    services = locateTestServices();
  }
}
writeTestServices(services);

const failures: string[] = [];
if (services.redisServer) {
  say(`redis-server: ${services.redisServer} (${versionOf(services.redisServer)})`);
} else if (isCi()) {
  failures.push(notices.redisRequired);
} else {
  say("redis-server: not found; the Redis tests will be skipped");
}
if (services.chromium) {
  say(`Chromium: ${services.chromium} (${versionOf(services.chromium)})`);
} else if (isCi()) {
  failures.push(notices.chromiumRequired());
} else {
  say(`Chromium: ${notices.chromiumMissing()}; the e2e tests will be skipped`);
}
say(`recorded in ${servicesFile}`);
for (const failure of failures) console.error(`[test-services] ${failure}`);
if (failures.length > 0) process.exitCode = 1;

/**
 * `npm run test:e2e [playwright args]`: the Playwright suite, with what `npm run test:services`
 * found. No Chromium: the suite cannot run, said loudly, exit 0 (CI: exit 1). No redis-server:
 * the suite runs one instance in memory and skips the two-instance tests (CI: exit 1).
 */
import { notices } from "./testing/services/notices";
import { runPlaywright } from "./testing/services/run-playwright";
import { isCi, readTestServices } from "./testing/services/services-file";

const services = readTestServices();
const notes = [
  ...(services.chromium ? [] : [isCi() ? notices.chromiumRequired() : notices.e2eSkipped()]),
  ...(services.redisServer || (!services.chromium && !isCi())
    ? []
    : [isCi() ? notices.redisRequired : notices.e2eWithoutRedis]),
];
for (const line of notes) (isCi() ? console.error : console.log)(line);

if (isCi() && notes.length > 0) process.exit(1);
if (!services.chromium) process.exit(0);
process.exit(runPlaywright(process.argv.slice(2)));

/** The one line each runner prints about a missing service: what is skipped and how to get it. */
import { chromiumPathVariable } from "./locate";

const redisInstall =
  "Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis";
const chromiumInstall = `npx playwright install chromium, or on Debian: sudo apt-get install -y chromium; or set ${chromiumPathVariable}`;

function chromiumProblem(): string {
  const configured = process.env[chromiumPathVariable];
  return configured
    ? `${chromiumPathVariable}=${configured} is not an executable`
    : `no Chromium found (${chromiumInstall})`;
}

export const notices = {
  chromiumMissing: chromiumProblem,
  redisSkipped: `Redis tests skipped: redis-server is not installed (${redisInstall}).`,
  redisRequired: `redis-server is not installed, and with CI=true the Redis tests must run (${redisInstall}).`,
  e2eWithoutRedis: `e2e without Redis: one app instance with its stores in memory; the tests of two instances sharing Redis are skipped (${redisInstall}).`,
  e2eSkipped: () => `!!! E2E TESTS NOT RUN: ${chromiumProblem()}. !!!`,
  chromiumRequired: () => `${chromiumProblem()}, and with CI=true the e2e tests must run.`,
};

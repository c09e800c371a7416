/**
 * `npm run screenshot`: runs the e2e test that generates an image and keeps its screenshot as
 * the README's docs/screenshot.png. The plain test run writes it under test-results/ only.
 */
import { notices } from "./testing/services/notices";
import { runPlaywright } from "./testing/services/run-playwright";
import { readTestServices } from "./testing/services/services-file";

const target = "docs/screenshot.png";
if (!readTestServices().chromium) {
  console.error(`No screenshot: ${notices.chromiumMissing()}.`);
  process.exit(1);
}
const code = runPlaywright(["e2e/generate.spec.ts", "--grep", "generates an image"], {
  E2E_SCREENSHOT_PATH: target,
});
if (code === 0) console.log(`[screenshot] written to ${target}`);
process.exit(code);

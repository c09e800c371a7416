import { emulator } from "./support/emulator";
import { test } from "./support/fixtures";

test.use({ viewport: { width: 360, height: 740 } });
for (const colorScheme of ["light", "dark"] as const) {
  test(`shots ${colorScheme}`, async ({ page, generator }) => {
    await page.emulateMedia({ colorScheme });
    await emulator.setTiming({ queueMs: 1_000, runMs: 4_000 });
    await generator.goto();
    await page.screenshot({ path: `/tmp/shots/${colorScheme}-empty.png`, fullPage: true });
    await page.getByLabel("Number of images").selectOption("2");
    await generator.generate("A lighthouse on a cliff at dawn, oil painting");
    await generator.status.filter({ hasText: "Generating" }).waitFor();
    await generator.showLogs();
    await page.screenshot({ path: `/tmp/shots/${colorScheme}-running.png`, fullPage: true });
    await generator.result.waitFor();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/shots/${colorScheme}-done.png`, fullPage: true });
    await emulator.armFault({ on: "submit", status: 500 });
    await generator.generateButton.click();
    await generator.alert.waitFor();
    await page.screenshot({ path: `/tmp/shots/${colorScheme}-error.png` });
  });
}

import { e2ePorts } from "../tooling/testing/e2e-env";
import { unhandledErrorPattern, watchAppLog } from "./support/app-log";
import { emulator } from "./support/emulator";
import { expect, test } from "./support/fixtures";

// Only this test's own runs: the page would also wait on runs earlier specs left at fal.
test.use({ isolatedUser: true });

// `times` covers the fal client's own retries (3 for 502 and 503), so every attempt fails. The
// proxy's own timeout (504) is never retried: one hang is enough, and a retry would succeed.
const faults = [
  { name: "fal answers 500", fault: { status: 500 }, message: /HTTP 500/ },
  { name: "fal answers 503", fault: { status: 503, times: 4 }, message: /HTTP 503/ },
  {
    name: "fal drops the connection",
    fault: { drop: true, times: 4 },
    message: /The model could not be reached just now/,
  },
  {
    name: "fal never answers",
    fault: { hang: true },
    message: /The model did not answer within 2 s\./,
    // The proxy has already waited its whole timeout: a retry would make the message untrue.
    submits: 1,
  },
];

for (const { name, fault, message, submits: expectedSubmits } of faults) {
  test(`when ${name}, the user reads a clear message and the server logs no unhandled error`, async ({
    generator,
  }) => {
    const log = watchAppLog(e2ePorts.app);
    await emulator.armFault({ on: "submit", ...fault });
    await generator.goto();
    await generator.generate(`A prompt for when ${name}`);

    await expect(generator.alert).toContainText(message, { timeout: 30_000 });
    await expect(generator.tryAgainButton).toBeVisible();
    await expect(generator.prompt).toHaveValue(`A prompt for when ${name}`);

    expect(log.text()).not.toMatch(unhandledErrorPattern);
    const submits = log.auditLines().filter((line) => line.operation === "submit");
    expect(submits.length).toBeGreaterThan(0);
    expect(submits.every((line) => Number(line.status) >= 500)).toBe(true);
    if (expectedSubmits !== undefined) expect(submits).toHaveLength(expectedSubmits);
  });
}

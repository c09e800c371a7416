import type { Page } from "@playwright/test";
import { targetUrlHeader } from "../lib/fal/proxy-contract";
import { isProxyUrl } from "../tooling/testing/proxy-calls";
import { emulator } from "./support/emulator";
import { expect, test } from "./support/fixtures";

// Only this test's own runs: the page would also wait on runs earlier specs left at fal.
test.use({ isolatedUser: true });

test.beforeEach(async () => {
  // Long enough for polling every 500 ms to show: several status calls where a stream makes one.
  await emulator.setTiming({ queueMs: 1_000, runMs: 2_000 });
});

/**
 * Every call the page makes to the fal proxy, as `METHOD <fal path and query>`, with the
 * request id written `{id}` so the list can be compared whole.
 */
function recordProxyCalls(page: Page) {
  const calls: string[] = [];
  page.on("request", (request) => {
    if (!isProxyUrl(request.url())) return;
    const target = new URL(request.headers()[targetUrlHeader] ?? "invalid:");
    const path = target.pathname.replace(/\/requests\/[^/]+/, "/requests/{id}");
    calls.push(`${request.method()} ${path}${target.search}`);
  });
  return calls;
}

const submit = "POST /fal-ai/flux/schnell";
const statusStream = "GET /fal-ai/flux/requests/{id}/status/stream?logs=1";
const statusPoll = "GET /fal-ai/flux/requests/{id}/status?logs=1";
const result = "GET /fal-ai/flux/requests/{id}";

test("one generation costs three proxy calls: submit, one status stream, result", async ({
  page,
  generator,
}) => {
  const calls = recordProxyCalls(page);
  await generator.goto();
  await generator.generate("A kite over a windy beach");

  await expect(generator.status).toHaveText(/In queue/);
  await expect(generator.status).toHaveText("Generating…");
  await expect(generator.image("A kite over a windy beach")).toBeVisible();
  await expect(generator.status).toHaveText("Done: 1 image.");

  expect(calls).toEqual([submit, statusStream, result]);
});

const streamFaults = [
  { name: "answers 500", fault: { status: 500 } },
  { name: "drops its connection", fault: { drop: true } },
];

for (const { name, fault } of streamFaults) {
  test(`when the status stream ${name}, the page polls instead and shows the image`, async ({
    page,
    generator,
  }) => {
    // The next status request is the stream's: polling, which comes after, is left alone.
    await emulator.armFault({ on: "status", ...fault });
    const calls = recordProxyCalls(page);
    await generator.goto();
    await generator.generate(`A lantern on a pier, the stream ${name}`);

    await generator.showLogs();
    await expect(generator.logLines.first()).toBeVisible();
    await expect(generator.image("A lantern on a pier")).toBeVisible();
    await expect(generator.status).toHaveText("Done: 1 image.");
    await expect(generator.alert).toHaveCount(0);

    expect(calls.slice(0, 2)).toEqual([submit, statusStream]);
    expect(calls.at(-1)).toBe(result);
    const polls = calls.slice(2, -1);
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.every((call) => call === statusPoll)).toBe(true);
  });
}

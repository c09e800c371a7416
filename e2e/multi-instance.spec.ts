/**
 * Two `next start` instances sharing one real redis-server, as on a platform that runs many
 * instances: limits and request ownership must hold across them, not per instance.
 */

import { expect, test } from "@playwright/test";
import { callsOnARequest } from "../tooling/testing/calls-on-a-request";
import { appUrl, e2eLimits, secondAppUrl, skipUnlessSharedRedis } from "../tooling/testing/e2e-env";
import { falUrls } from "../tooling/testing/fal-urls";
import { callProxy, submitThroughProxy } from "../tooling/testing/proxy-calls";
import { apiSignedInAs, freshTestUser } from "../tooling/testing/sessions";
import { emulator } from "./support/emulator";

const instances = [appUrl, secondAppUrl];

test.beforeEach(async () => {
  skipUnlessSharedRedis();
  await emulator.reset();
});

test("concurrent submits over both instances hold the per-minute limit exactly", async () => {
  const api = await apiSignedInAs(freshTestUser("limits"));
  const extra = 8;
  const responses = await Promise.all(
    Array.from({ length: e2eLimits.perMinute + extra }, (_, i) =>
      callProxy(api, { instance: instances[i % 2] }),
    ),
  );
  const statuses = responses.map((response) => response.status());
  expect(statuses.filter((status) => status === 200)).toHaveLength(e2eLimits.perMinute);
  expect(statuses.filter((status) => status === 429)).toHaveLength(extra);

  const refused = responses.find((response) => response.status() === 429);
  expect(Number(refused?.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused?.json()).toMatchObject({
    error: { code: "rate_limited", retryAt: expect.any(String) },
  });
  await api.dispose();
});

test("a request submitted through one instance is its owner's on both, and nobody else's", async () => {
  await emulator.setTiming({ queueMs: 60_000 });
  const owner = await apiSignedInAs(freshTestUser("owner"));
  const other = await apiSignedInAs(freshTestUser("other"));
  const id = await submitThroughProxy(owner, appUrl);
  const request = falUrls.request(id);

  for (const instance of instances) {
    const status = await callProxy(owner, {
      instance,
      method: "GET",
      target: `${request}/status?logs=1`,
    });
    expect(status.status(), instance).toBe(202);
    expect(await status.json()).toMatchObject({ status: "IN_QUEUE" });

    for (const [method, suffix] of callsOnARequest) {
      const theirs = await callProxy(other, { instance, method, target: request + suffix });
      expect(theirs.status(), `${method} ${suffix} on ${instance}`).toBe(404);
      expect(await theirs.json()).toMatchObject({ error: { code: "request_not_found" } });
    }
  }
  expect((await emulator.request(id)).status).toBe("IN_QUEUE");

  const cancelled = await callProxy(owner, {
    instance: secondAppUrl,
    method: "PUT",
    target: `${request}/cancel`,
  });
  expect(cancelled.status()).toBe(202);
  await expect.poll(async () => (await emulator.request(id)).status).toBe("CANCELLED");
  await Promise.all([owner.dispose(), other.dispose()]);
});

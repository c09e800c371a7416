/**
 * Two `next start` instances sharing one real redis-server, as on a platform that runs many
 * instances: limits and request ownership must hold across them, not per instance.
 */

import { type APIRequestContext, expect, test } from "@playwright/test";
import { callsOnARequest } from "../lib/proxy/calls-on-a-request";
import { appUrl, e2eLimits, secondAppUrl } from "./support/e2e-env";
import { emulator } from "./support/emulator";
import { apiSignedInAs, freshTestUser } from "./support/sessions";

const instances = [appUrl, secondAppUrl];
const queue = "https://queue.fal.run";

function proxy(api: APIRequestContext, instance: string, method: string, target: string) {
  return api.fetch(`${instance}/api/fal/proxy`, {
    method,
    headers: { "x-fal-target-url": target, "content-type": "application/json" },
    ...(method === "POST" ? { data: { prompt: "A shared limit test", num_images: 1 } } : {}),
  });
}

const submit = (api: APIRequestContext, instance: string) =>
  proxy(api, instance, "POST", `${queue}/fal-ai/flux/schnell`);

test.beforeEach(async () => {
  await emulator.reset();
});

test("concurrent submits over both instances hold the per-minute limit exactly", async () => {
  const api = await apiSignedInAs(freshTestUser("limits"));
  const extra = 8;
  const responses = await Promise.all(
    Array.from({ length: e2eLimits.perMinute + extra }, (_, i) =>
      submit(api, instances[i % 2] ?? appUrl),
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
  const submitted = await submit(owner, appUrl);
  expect(submitted.status()).toBe(200);
  const { request_id: id } = (await submitted.json()) as { request_id: string };
  const request = `${queue}/fal-ai/flux/requests/${id}`;

  for (const instance of instances) {
    const status = await proxy(owner, instance, "GET", `${request}/status?logs=1`);
    expect(status.status(), instance).toBe(202);
    expect(await status.json()).toMatchObject({ status: "IN_QUEUE" });

    for (const [method, suffix] of callsOnARequest) {
      const theirs = await proxy(other, instance, method, request + suffix);
      expect(theirs.status(), `${method} ${suffix} on ${instance}`).toBe(404);
      expect(await theirs.json()).toMatchObject({ error: { code: "request_not_found" } });
    }
  }
  expect((await emulator.request(id)).status).toBe("IN_QUEUE");

  const cancelled = await proxy(owner, secondAppUrl, "PUT", `${request}/cancel`);
  expect(cancelled.status()).toBe(202);
  await expect.poll(async () => (await emulator.request(id)).status).toBe("CANCELLED");
  await Promise.all([owner.dispose(), other.dispose()]);
});

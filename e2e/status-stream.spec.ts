import { expect, test } from "@playwright/test";
import { falProxyPath, targetUrlHeader } from "../lib/fal/proxy-contract";
import { appUrl, e2eLimits, secondAppUrl, skipUnlessSharedRedis } from "../tooling/testing/e2e-env";
import { falUrls } from "../tooling/testing/fal-urls";
import { submitThroughProxy } from "../tooling/testing/proxy-calls";
import { apiSignedInAs, cookieHeader, freshTestUser } from "../tooling/testing/sessions";
import { emulator } from "./support/emulator";

test.beforeEach(async () => {
  await emulator.reset();
  // Queued for a minute: the streams stay open far longer than these tests wait.
  await emulator.setTiming({ queueMs: 60_000 });
});

/**
 * Opens `id`'s status stream as `cookie` on one app instance, with Node's fetch (Playwright's
 * request API reads whole bodies before returning); `drop` goes away as a closed tab would.
 */
async function openStream(cookie: string, id: string, instance = appUrl) {
  const browserTab = new AbortController();
  const response = await fetch(`${instance}${falProxyPath}`, {
    headers: { cookie, accept: "text/event-stream", [targetUrlHeader]: falUrls.statusStream(id) },
    signal: browserTab.signal,
  });
  return { response, drop: () => browserTab.abort() };
}

test("a status stream reaches its owner live through the proxy, not when it ends", async () => {
  const user = freshTestUser("stream");
  const api = await apiSignedInAs(user);
  const id = await submitThroughProxy(api);

  const { response: stream } = await openStream(await cookieHeader(user), id);
  expect(stream.status).toBe(200);
  expect(stream.headers.get("content-type")).toContain("text/event-stream");
  const reader = stream.body?.getReader();
  const first = await reader?.read();
  expect(new TextDecoder().decode(first?.value)).toMatch(/^data: .*"status":"IN_QUEUE"/);
  expect((await emulator.request(id)).status).toBe("IN_QUEUE");

  await reader?.cancel();
  await api.dispose();
});

test("open status streams are capped per user over both instances, and a dropped one comes back", async () => {
  skipUnlessSharedRedis();
  const user = freshTestUser("streams");
  const api = await apiSignedInAs(user);
  const id = await submitThroughProxy(api);
  const cookie = await cookieHeader(user);
  /** A stream on `instance` once a slot is free: the server frees one when it sees the drop. */
  const openWhenFree = async (instance: string) => {
    let opened: Awaited<ReturnType<typeof openStream>> | undefined;
    await expect
      .poll(async () => {
        opened = await openStream(cookie, id, instance);
        if (opened.response.status !== 200) opened.drop();
        return opened.response.status;
      })
      .toBe(200);
    return opened;
  };

  for (let round = 0; round < 3; round++) {
    const streams = [];
    for (let i = 0; i < e2eLimits.streamsPerUser; i++) {
      streams.push(await openWhenFree(i % 2 === 0 ? appUrl : secondAppUrl));
    }
    for (const instance of [appUrl, secondAppUrl]) {
      const refused = await openStream(cookie, id, instance);
      expect(refused.response.status).toBe(429);
      expect(await refused.response.json()).toMatchObject({ error: { code: "too_many_streams" } });
    }
    for (const stream of streams) stream?.drop();
  }
  await api.dispose();
});

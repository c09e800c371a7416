import { expect, test } from "@playwright/test";
import { appUrl } from "./support/e2e-env";
import { emulator } from "./support/emulator";
import { queuedRequest, submitThroughProxy } from "./support/proxy-calls";
import { apiSignedInAs, cookieHeader, freshTestUser } from "./support/sessions";

test("a status stream reaches its owner live through the proxy, not when it ends", async () => {
  await emulator.reset();
  // Queued for a minute: the stream stays open far longer than this test waits.
  await emulator.setTiming({ queueMs: 60_000 });
  const user = freshTestUser("stream");
  const api = await apiSignedInAs(user);
  const id = await submitThroughProxy(api);

  // Node's fetch, not Playwright's request API, which reads whole bodies before returning.
  const stream = await fetch(`${appUrl}/api/fal/proxy`, {
    headers: {
      cookie: await cookieHeader(user),
      accept: "text/event-stream",
      "x-fal-target-url": `${queuedRequest(id)}/status/stream?logs=1`,
    },
  });
  expect(stream.status).toBe(200);
  expect(stream.headers.get("content-type")).toContain("text/event-stream");
  const reader = stream.body?.getReader();
  const first = await reader?.read();
  expect(new TextDecoder().decode(first?.value)).toMatch(/^data: .*"status":"IN_QUEUE"/);
  expect((await emulator.request(id)).status).toBe("IN_QUEUE");

  await reader?.cancel();
  await api.dispose();
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { createReadLimiter } from "@/lib/stores/read-limiter";
import { createStreamSlots } from "@/lib/stores/stream-slots";
import { createGuardKit, errorOf, requestUrl, users } from "../../tooling/testing/guard-kit";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

type ReadSettings = { perMinute: number; streamsPerUser: number; streamMaxMs: number };
const defaults: ReadSettings = { perMinute: 600, streamsPerUser: 5, streamMaxMs: 600_000 };

/**
 * A guard whose fal keeps every status stream open (one event, then silence) until the
 * proxy cancels it; `upstream` counts the streams fal opened and the ones it saw cancelled.
 */
function readsKit(settings: Partial<ReadSettings> = {}, overrides = {}) {
  const { perMinute, streamsPerUser, streamMaxMs } = { ...defaults, ...settings };
  const kit = createGuardKit({
    reads: createReadLimiter({ perMinute }),
    streams: createStreamSlots({ perUser: streamsPerUser, leaseMs: streamMaxMs + 60_000 }),
    streamMaxMs,
    ...overrides,
  });
  const upstream = { opened: 0, cancelled: 0 };
  const answer = kit.fal.getMockImplementation();
  kit.fal.mockImplementation(async (url, init) => {
    if (!String(url).includes("/status/stream")) return (await answer?.(url, init)) as Response;
    upstream.opened += 1;
    const events = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: {"status":"IN_QUEUE"}\n\n'));
      },
      cancel() {
        upstream.cancelled += 1;
      },
    });
    return new Response(events, { headers: { "content-type": "text/event-stream" } });
  });
  const read = (id: string, suffix: string, as = users.ada) =>
    kit.call({ method: suffix === "/cancel" ? "PUT" : "GET", target: requestUrl(id) + suffix, as });
  const stream = (id: string, as = users.ada) => read(id, "/status/stream?logs=1", as);
  return { ...kit, upstream, read, stream };
}

describe("the guard: per-user rate on status, result and cancel calls", () => {
  it("answers 429 past the rate, with Retry-After, and sends nothing upstream", async () => {
    const kit = readsKit({ perMinute: 4 });
    const id = await kit.submit();
    for (const suffix of ["/status?logs=1", "", "/cancel", "/status/stream?logs=1"]) {
      expect((await kit.read(id, suffix)).status, suffix).toBe(200);
    }
    const sentBefore = kit.fal.mock.calls.length;
    const before = Date.now();
    const refused = await kit.read(id, "/status?logs=1");
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const { error } = (await refused.json()) as { error: { code: string; retryAt: string } };
    expect(error.code).toBe("read_rate_limited");
    expect(Date.parse(error.retryAt) - before).toBeGreaterThanOrEqual(retryAfter * 1000 - 1000);
    expect(await errorOf(await kit.stream(id))).toBe("429 read_rate_limited");
    expect(kit.fal.mock.calls.length).toBe(sentBefore);
    expect(kit.audit.at(-1)).toMatchObject({
      operation: "status-stream",
      status: 429,
      error: "read_rate_limited",
      upstreamMs: null,
    });
  });

  it("does not count submits as reads", async () => {
    const kit = readsKit({ perMinute: 2 });
    const ids = [await kit.submit(), await kit.submit(), await kit.submit()];
    expect((await kit.read(ids[0] ?? "", "/status")).status).toBe(200);
    expect((await kit.read(ids[1] ?? "", "")).status).toBe(200);
    expect(await errorOf(await kit.read(ids[2] ?? "", "/status"))).toBe("429 read_rate_limited");
  });

  it("keeps each user's reads apart", async () => {
    const kit = readsKit({ perMinute: 2 });
    const adas = await kit.submit(users.ada);
    const bobs = await kit.submit(users.bob);
    for (let i = 0; i < 2; i++) await kit.read(adas, "/status");
    expect(await errorOf(await kit.read(adas, "/status"))).toBe("429 read_rate_limited");
    expect((await kit.read(bobs, "/status", users.bob)).status).toBe(200);
  });
});

describe("the guard: open status streams per user", () => {
  it("answers 429 too_many_streams past the cap, sends nothing, and still answers polls", async () => {
    const kit = readsKit({ streamsPerUser: 2 });
    const id = await kit.submit();
    for (let i = 0; i < 2; i++) expect((await kit.stream(id)).status).toBe(200);
    const sentBefore = kit.fal.mock.calls.length;
    expect(await errorOf(await kit.stream(id))).toBe("429 too_many_streams");
    expect(kit.fal.mock.calls.length).toBe(sentBefore);
    expect(kit.audit.at(-1)).toMatchObject({ status: 429, error: "too_many_streams" });
    // The browser's client falls back to polling, which the cap does not touch.
    expect((await kit.read(id, "/status?logs=1")).status).toBe(200);
  });

  it("keeps each user's streams apart", async () => {
    const kit = readsKit({ streamsPerUser: 1 });
    const adas = await kit.submit(users.ada);
    const bobs = await kit.submit(users.bob);
    expect((await kit.stream(adas)).status).toBe(200);
    expect(await errorOf(await kit.stream(adas))).toBe("429 too_many_streams");
    expect((await kit.stream(bobs, users.bob)).status).toBe(200);
  });

  it("gives the slot back when the stream ends", async () => {
    const kit = readsKit({ streamsPerUser: 1 });
    const id = await kit.submit();
    kit.fal.mockResolvedValueOnce(
      new Response('data: {"status":"COMPLETED"}\n\n', {
        headers: { "content-type": "text/event-stream" },
      }),
    );
    const finished = await kit.stream(id);
    expect(await finished.text()).toContain("COMPLETED");
    expect((await kit.stream(id)).status).toBe(200);
  });

  it("gives the slot back when the browser goes away, and cancels fal's stream", async () => {
    const kit = readsKit({ streamsPerUser: 2 });
    const id = await kit.submit();
    for (let i = 0; i < 50; i++) {
      const response = await kit.stream(id);
      expect(response.status).toBe(200);
      await response.body?.cancel();
    }
    await vi.waitFor(() => expect(kit.upstream.cancelled).toBe(50));
    for (let i = 0; i < 2; i++) expect((await kit.stream(id)).status).toBe(200);
    expect(await errorOf(await kit.stream(id))).toBe("429 too_many_streams");
  });

  it("gives the slot back when the upstream call fails", async () => {
    const kit = readsKit({ streamsPerUser: 1 }, { upstreamTimeoutMs: 100 });
    vi.spyOn(console, "error").mockImplementation(() => {});
    const id = await kit.submit();
    kit.fal.mockRejectedValueOnce(new TypeError("fetch failed"));
    expect(await errorOf(await kit.stream(id))).toBe("502 upstream_unreachable");
    kit.fal.mockReturnValueOnce(new Promise(() => {}));
    expect(await errorOf(await kit.stream(id))).toBe("504 upstream_timeout");
    kit.fal.mockResolvedValueOnce(Response.json({ detail: "down" }, { status: 500 }));
    const failed = await kit.stream(id);
    expect(failed.status).toBe(500);
    await failed.text();
    expect((await kit.stream(id)).status).toBe(200);
  });
});

describe("the guard: status stream lifetime", () => {
  it("ends a stream that outlives the limit, cancels fal's stream and frees the slot", async () => {
    const kit = readsKit({ streamsPerUser: 1, streamMaxMs: 200 });
    const id = await kit.submit();
    const response = await kit.stream(id);
    const reader = response.body?.getReader();
    expect(new TextDecoder().decode((await reader?.read())?.value)).toContain("IN_QUEUE");
    // fal would keep this stream open for ever: only the proxy's deadline ends it.
    expect((await reader?.read())?.done).toBe(true);
    await vi.waitFor(() => expect(kit.upstream.cancelled).toBe(1));
    expect((await kit.stream(id)).status).toBe(200);
  });
});

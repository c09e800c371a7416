import { afterEach, describe, expect, it, vi } from "vitest";
import { createReadLimiter } from "@/lib/stores/read-limiter";
import { callsOnARequest } from "../../tooling/testing/calls-on-a-request";
import {
  adasImage,
  createGuardKit,
  errorOf,
  requestUrl,
  serverKey,
  users,
} from "../../tooling/testing/guard-kit";
import { captureStdoutLines } from "../../tooling/testing/stdout-lines";
import { createSpendBudget } from "../stores/spend-budget";
import { writeAuditLine } from "./audit-log";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("the guard: per-user limits on submits", () => {
  it("answers 429 past the per-minute limit, with Retry-After and the time to come back", async () => {
    const kit = createGuardKit();
    for (let i = 0; i < 3; i++) expect((await kit.call({})).status).toBe(200);
    const before = Date.now();
    const refused = await kit.call({});
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const { error } = (await refused.json()) as { error: { code: string; retryAt: string } };
    expect(error.code).toBe("rate_limited");
    expect(Date.parse(error.retryAt) - before).toBeGreaterThanOrEqual(retryAfter * 1000 - 1000);
    expect(kit.fal).toHaveBeenCalledTimes(3);
  });

  it("counts runs on fal.run like queue submits", async () => {
    const kit = createGuardKit();
    for (let i = 0; i < 3; i++) await kit.call({ target: "https://fal.run/fal-ai/flux/schnell" });
    expect(await errorOf(await kit.call({}))).toBe("429 rate_limited");
  });

  it("keeps each user's count apart", async () => {
    const kit = createGuardKit();
    for (let i = 0; i < 3; i++) await kit.call({ as: users.ada });
    expect(await errorOf(await kit.call({ as: users.ada }))).toBe("429 rate_limited");
    expect((await kit.call({ as: users.bob })).status).toBe(200);
  });

  it("does not count status reads, results or cancels", async () => {
    const kit = createGuardKit();
    const id = await kit.submit();
    for (const suffix of ["/status", "/status", ""]) {
      expect((await kit.call({ method: "GET", target: requestUrl(id) + suffix })).status).toBe(200);
    }
    expect((await kit.call({ method: "PUT", target: `${requestUrl(id)}/cancel` })).status).toBe(
      200,
    );
    expect((await kit.call({})).status).toBe(200);
    expect((await kit.call({})).status).toBe(200);
    expect(await errorOf(await kit.call({}))).toBe("429 rate_limited");
  });

  it("gives the attempt back when fal answers 5xx, since nothing ran", async () => {
    const kit = createGuardKit();
    kit.fal.mockImplementation(async () => Response.json({ detail: "down" }, { status: 503 }));
    for (let i = 0; i < 6; i++) expect((await kit.call({})).status).toBe(503);
  });

  it("keeps the attempt of a run refused for its input: a refused image is no free try", async () => {
    const kit = createGuardKit();
    const edit = (image_url: string) => ({
      target: "https://queue.fal.run/fal-ai/flux-pro/kontext",
      body: JSON.stringify({ prompt: "x", image_url }),
      headers: { "content-type": "application/json" },
    });
    const strangers = "https://v3.fal.media/files/someone/else.png";
    for (let i = 0; i < 3; i++)
      expect(await errorOf(await kit.call(edit(strangers)))).toBe("400 invalid_input");
    expect(await errorOf(await kit.call(edit(adasImage)))).toBe("429 rate_limited");
    expect(kit.fal).not.toHaveBeenCalled();
  });

  it("keeps the attempt of a run refused by the budget", async () => {
    const kit = createGuardKit({
      budget: createSpendBudget({ perUserMicroUsd: 1, appMicroUsd: 1 }),
    });
    for (let i = 0; i < 3; i++) {
      expect(await errorOf(await kit.call({}))).toBe("429 user_budget_exhausted");
    }
    expect(await errorOf(await kit.call({}))).toBe("429 rate_limited");
  });

  it("applies the daily limit across minutes", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const kit = createGuardKit();
      for (let minute = 0; minute < 2; minute++) {
        for (let i = 0; i < (minute === 0 ? 3 : 2); i++)
          expect((await kit.call({})).status).toBe(200);
        vi.setSystemTime(Date.now() + 61_000);
      }
      const refused = await kit.call({});
      expect(await errorOf(refused.clone())).toBe("429 rate_limited");
      expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
        "per day",
      );
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("the guard: read metering", () => {
  it("meters reads on ids the user does not own, before ownership is looked up", async () => {
    const kit = createGuardKit({
      reads: createReadLimiter({ perMinute: 2 }),
    });
    const id = await kit.submit(users.ada);
    for (const target of [requestUrl(id), requestUrl("not-anyones")]) {
      expect(await errorOf(await kit.call({ method: "GET", target, as: users.bob }))).toBe(
        "404 request_not_found",
      );
    }
    const third = await kit.call({ method: "GET", target: requestUrl("x"), as: users.bob });
    expect(await errorOf(third)).toBe("429 read_rate_limited");
    // Ada's reads are her own count.
    expect((await kit.call({ method: "GET", target: requestUrl(id) })).status).toBe(200);
  });
});

describe("the guard: request ownership", () => {
  it("lets the submitter read, stream and cancel their request", async () => {
    const kit = createGuardKit();
    const id = await kit.submit(users.ada);
    for (const [method, suffix] of callsOnARequest) {
      const response = await kit.call({ method, target: requestUrl(id) + suffix, as: users.ada });
      expect(response.status, `${method} ${suffix}`).toBe(200);
    }
  });

  it("answers anyone else 404, as for an id that does not exist, and sends nothing", async () => {
    const kit = createGuardKit();
    const id = await kit.submit(users.ada);
    const calls = kit.fal.mock.calls.length;
    for (const [method, suffix] of callsOnARequest) {
      const theirs = await kit.call({ method, target: requestUrl(id) + suffix, as: users.bob });
      const unknown = await kit.call({
        method,
        target: requestUrl("nope") + suffix,
        as: users.bob,
      });
      expect(theirs.status).toBe(404);
      expect(await theirs.json()).toEqual(await unknown.json());
    }
    expect(kit.fal.mock.calls.length).toBe(calls);
  });
});

describe("the guard: audit log", () => {
  it("writes one entry per request: who, what, outcome, durations and fal request id", async () => {
    const kit = createGuardKit();
    const id = await kit.submit(users.ada);
    await kit.call({ method: "GET", target: `${requestUrl(id)}/status`, as: users.bob });
    await kit.call({ as: users.signedOut });
    expect(kit.audit).toEqual([
      expect.objectContaining({
        user: "oidc:ada",
        method: "POST",
        operation: "submit",
        endpoint: "fal-ai/flux/dev",
        status: 200,
        falRequestId: id,
        error: null,
      }),
      expect.objectContaining({
        user: "oidc:bob",
        method: "GET",
        operation: "status",
        endpoint: "fal-ai/flux",
        status: 404,
        falRequestId: id,
        error: "request_not_found",
      }),
      expect.objectContaining({ user: null, status: 401, error: "unauthenticated" }),
    ]);
    for (const entry of kit.audit) expect(entry.durationMs).toBeGreaterThanOrEqual(0);
    // Only the submit reached fal: the refusals' lines say nothing was sent.
    expect(kit.audit.map((entry) => entry.upstreamMs === null)).toEqual([false, true, true]);
    const [submit] = kit.audit;
    expect(submit?.upstreamMs).toBeGreaterThanOrEqual(0);
    expect(submit?.upstreamMs).toBeLessThanOrEqual(submit?.durationMs ?? 0);
  });

  it("prints JSON lines without the key, cookies or the prompt", async () => {
    const printed = captureStdoutLines();
    const kit = createGuardKit({ audit: writeAuditLine });
    await kit.call({ headers: { cookie: "authjs.session-token=secret-session" } });
    const lines = await printed();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ event: "fal_proxy", status: 200 });
    for (const secret of [serverKey, "server-key", "secret-session", "lighthouse"]) {
      expect(lines[0]).not.toContain(secret);
    }
  });
});

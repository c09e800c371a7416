/**
 * Each stage of the guard on its own (guard.ts runs them in order; the guard-*.test.ts files
 * test the whole pipeline through fal's real library).
 */
import { describe, expect, it } from "vitest";
import { catalog } from "@/lib/catalog/models";
import { AppError } from "@/lib/errors/app-error";
import { kitStores } from "../../tooling/testing/guard-kit";
import { forwardRequest } from "./call-fal";
import { chargeRun } from "./charge";
import { type ModelRun, readInput } from "./input";
import { meter } from "./metering";
import { checkOwnership } from "./ownership";
import { recordAnswer, respond } from "./record";
import { parseTarget } from "./target";

function entry(id: string) {
  const model = catalog.find((candidate) => candidate.id === id);
  if (!model) throw new Error(`${id} is not in the catalog`);
  return model;
}
const dev = entry("fal-ai/flux/dev");
const submit = parseTarget("POST", "https://queue.fal.run/fal-ai/flux/dev", catalog);
const status = (id: string) =>
  parseTarget("GET", `https://queue.fal.run/fal-ai/flux/requests/${id}/status`, catalog);
const post = (body: string, type = "application/json") =>
  new Request("http://localhost/api/fal/proxy", {
    method: "POST",
    headers: { "content-type": type },
    body,
  });
const codeOf = (pending: Promise<unknown>) =>
  pending.then(
    () => "passed",
    (error: unknown) => (error instanceof AppError ? `${error.status} ${error.code}` : "threw"),
  );
const limits = { maxBodyBytes: 1024, mediaOrigins: [] };

describe("stage: body and input", () => {
  it("checks a run's input against its catalog entry and hands on the checked object", async () => {
    const { run, body } = await readInput(post('{"prompt":"a cat"}'), submit, limits);
    expect(run?.model).toBe(dev);
    expect(body).toBe(run?.input);
    expect(run?.input).toMatchObject({ prompt: "a cat", enable_safety_checker: true });
  });

  it.each([
    ["not JSON", post("{", "application/json"), "400 invalid_body"],
    ["text/plain", post('{"prompt":"x"}', "text/plain"), "415 unsupported_media_type"],
    ["too large", post(JSON.stringify({ prompt: "x".repeat(2000) })), "413 payload_too_large"],
    ["an unknown key", post('{"prompt":"x","webhook_url":"https://e.x"}'), "400 invalid_input"],
  ])("refuses a body that is %s", async (_, request, refusal) => {
    expect(await codeOf(readInput(request, submit, limits))).toBe(refusal);
  });

  it("reads nothing for a GET", async () => {
    const get = new Request("http://localhost/api/fal/proxy");
    expect(await readInput(get, status("r1"), limits)).toEqual({});
  });
});

describe("stage: metering", () => {
  it("counts a run before anything else, and gives it back only when asked", async () => {
    const stores = kitStores();
    const first = await meter(stores, "ada", submit, 1_000);
    for (let n = 0; n < 2; n++) await meter(stores, "ada", submit, 1_000);
    expect(await codeOf(meter(stores, "ada", submit, 1_000))).toBe("429 rate_limited");
    await first.refund();
    expect(await codeOf(meter(stores, "ada", submit, 1_000))).toBe("passed");
  });

  it("counts reads, whoever's request they are about", async () => {
    const stores = kitStores({
      reads: (await import("@/lib/stores/read-limiter")).createReadLimiter({ perMinute: 1 }),
    });
    await meter(stores, "bob", status("adas-request"), 1_000);
    expect(await codeOf(meter(stores, "bob", status("no-such-request"), 1_000))).toBe(
      "429 read_rate_limited",
    );
  });
});

describe("stage: ownership", () => {
  const run = (image_url: string): ModelRun => ({
    model: entry("fal-ai/flux/dev/image-to-image"),
    input: { prompt: "x", num_images: 1, image_url },
  });

  it("answers an id that is not the caller's as one that does not exist", async () => {
    const stores = kitStores();
    await stores.runs.start("ada", {
      requestId: "r1",
      modelId: "fal-ai/flux/dev",
      input: {},
      costMicroUsd: 0,
      status: "in-progress",
      submittedAt: 0,
    });
    expect(await codeOf(checkOwnership(stores, "ada", status("r1"), undefined))).toBe("passed");
    expect(await codeOf(checkOwnership(stores, "bob", status("r1"), undefined))).toBe(
      "404 request_not_found",
    );
  });

  it("answers the recorded size of the caller's own image, and refuses anyone else's", async () => {
    const stores = kitStores();
    const url = "https://v3.fal.media/files/a.png";
    await stores.media.record("ada", [{ url, width: 640, height: 480 }]);
    expect(await checkOwnership(stores, "ada", submit, run(url))).toEqual({
      width: 640,
      height: 480,
    });
    expect(await codeOf(checkOwnership(stores, "bob", submit, run(url)))).toBe("400 invalid_input");
  });
});

describe("stage: charge", () => {
  it("charges the estimate of the checked input, and its refund gives it back", async () => {
    const stores = kitStores();
    const input = { prompt: "x", num_images: 2, image_size: "square_hd" as const };
    const charge = await chargeRun(stores, "ada", { model: dev, input }, undefined);
    // Two FLUX.1 [dev] images of one megapixel at $0.025.
    expect(charge.costMicroUsd).toBe(50_000);
    expect((await stores.budget.status("ada")).user.spentMicroUsd).toBe(50_000);
    await charge.refund();
    expect((await stores.budget.status("ada")).user.spentMicroUsd).toBe(0);
  });
});

describe("stage: call fal", () => {
  it("rebuilds the request: the checked body, the session for the library, no caller secrets", async () => {
    const caller = new Request("http://localhost/api/fal/proxy", {
      method: "POST",
      headers: {
        cookie: "authjs.session-token=s",
        authorization: "Key caller",
        "x-fal-queue-priority": "low",
        "x-fal-runner-hint": "pin",
      },
      body: '{"prompt":"x","prompt":"y"}',
    });
    const forwarded = forwardRequest(caller, submit, { prompt: "checked" });
    expect(Object.fromEntries(forwarded.headers)).toMatchObject({
      cookie: "authjs.session-token=s",
      "x-fal-queue-priority": "low",
      "x-fal-target-url": "https://queue.fal.run/fal-ai/flux/dev",
    });
    expect(forwarded.headers.has("authorization")).toBe(false);
    expect(forwarded.headers.has("x-fal-runner-hint")).toBe(false);
    expect(await forwarded.text()).toBe('{"prompt":"checked"}');
  });
});

describe("stage: record and respond", () => {
  const input = { prompt: "a cat", num_images: 1, image_size: "square" as const };
  const admitted = { model: dev, input, costMicroUsd: 25_000 };

  it("makes a submit's new request a run of the caller's, with its input and charge", async () => {
    const stores = kitStores();
    const answer = Response.json({ request_id: "r9" });
    const { requestId, response } = await recordAnswer(stores, "ada", submit, answer, admitted);
    expect(requestId).toBe("r9");
    expect(await stores.runs.get("ada", "r9")).toMatchObject({
      modelId: "fal-ai/flux/dev",
      input,
      costMicroUsd: 25_000,
      status: "in-progress",
    });
    expect(await stores.runs.get("bob", "r9")).toBeUndefined();
    expect(await response.json()).toEqual({ request_id: "r9" });
  });

  it("ends the run with fal's output when its result passes, and makes its images the caller's", async () => {
    const stores = kitStores();
    await recordAnswer(stores, "ada", submit, Response.json({ request_id: "r9" }), admitted);
    const output = { images: [{ url: "https://v3.fal.media/o.png", width: 512, height: 512 }] };
    const result = parseTarget("GET", "https://queue.fal.run/fal-ai/flux/requests/r9", catalog);
    await recordAnswer(stores, "ada", result, Response.json(output));
    expect(await stores.runs.get("ada", "r9")).toMatchObject({ status: "done", output });
    expect(await stores.media.find("ada", "https://v3.fal.media/o.png")).toMatchObject({
      width: 512,
    });
  });

  it("records nothing from an answer fal refused", async () => {
    const stores = kitStores();
    const refused = Response.json({ request_id: "r9" }, { status: 422 });
    await recordAnswer(stores, "ada", submit, refused, admitted);
    expect(await stores.runs.list("ada")).toEqual([]);
  });

  it("ends a run fal failed as failed, refunded once; a retried error or a finished run changes nothing", async () => {
    const stores = kitStores();
    const spent = async () => (await stores.budget.status("ada")).user.spentMicroUsd;
    await stores.budget.charge("ada", admitted.costMicroUsd);
    await recordAnswer(stores, "ada", submit, Response.json({ request_id: "r9" }), admitted);
    const result = parseTarget("GET", "https://queue.fal.run/fal-ai/flux/requests/r9", catalog);
    const failure = () => Response.json({ detail: "the model failed" }, { status: 500 });
    await recordAnswer(stores, "ada", result, Response.json({ detail: "busy" }, { status: 503 }));
    expect(await stores.runs.get("ada", "r9")).toMatchObject({ status: "in-progress" });
    expect(await spent()).toBe(25_000);

    const { response } = await recordAnswer(stores, "ada", result, failure());
    expect(response.status).toBe(500);
    expect(await stores.runs.get("ada", "r9")).toMatchObject({ status: "failed", refunded: true });
    expect(await spent()).toBe(0);
    await recordAnswer(stores, "ada", result, failure());
    expect(await spent()).toBe(0);

    await recordAnswer(stores, "ada", submit, Response.json({ request_id: "r10" }), admitted);
    const finished = parseTarget("GET", "https://queue.fal.run/fal-ai/flux/requests/r10", catalog);
    await recordAnswer(stores, "ada", finished, Response.json({ images: [] }));
    await recordAnswer(stores, "ada", finished, failure());
    expect(await stores.runs.get("ada", "r10")).toMatchObject({ status: "done" });
  });

  it("keeps a stream a stream", () => {
    const body = new ReadableStream();
    expect(respond(new Response(body)).body).toBe(body);
  });
});

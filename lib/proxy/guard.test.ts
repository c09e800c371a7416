import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createGuardKit,
  errorOf,
  requestUrl,
  serverKey,
  submitUrl,
  users,
} from "../../tooling/testing/guard-kit";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("the guard: who asks", () => {
  it.each([
    ["a signed-out caller", users.signedOut, "401 unauthenticated"],
    ["a user outside the allow-list", users.stranger, "403 forbidden"],
  ])("refuses %s and calls nothing upstream", async (_, as, refusal) => {
    const kit = createGuardKit();
    expect(await errorOf(await kit.call({ as }))).toBe(refusal);
    expect(kit.fal).not.toHaveBeenCalled();
  });

  it("answers 405 with Allow for methods it does not proxy", async () => {
    const kit = createGuardKit();
    for (const method of ["DELETE", "PATCH", "OPTIONS"]) {
      const response = await kit.call({ method });
      expect(response.headers.get("allow")).toBe("GET, POST, PUT");
      expect(await errorOf(response)).toBe("405 method_not_allowed");
    }
    expect(kit.fal).not.toHaveBeenCalled();
  });

  it("refuses a bad target before anything is sent", async () => {
    const kit = createGuardKit();
    const downgrade = await kit.call({ target: "http://queue.fal.run/fal-ai/flux/dev" });
    expect(await errorOf(downgrade)).toBe("400 invalid_target");
    const repeated = await kit.call({ target: [submitUrl, "https://evil.example/x"] });
    expect(await errorOf(repeated)).toBe("400 invalid_target");
    const runByGet = await kit.call({ method: "GET", target: "https://fal.run/fal-ai/flux/dev" });
    expect(await errorOf(runByGet)).toBe("403 target_not_allowed");
    expect(kit.fal).not.toHaveBeenCalled();
  });

  it("wires the library so that, called alone, it serves no one who is not signed in", async () => {
    const kit = createGuardKit();
    const direct = await kit.library.POST(
      new (await import("next/server")).NextRequest("http://localhost/api/fal/proxy", {
        method: "POST",
        headers: { "x-fal-target-url": submitUrl, "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(direct.status).toBe(401);
    expect(kit.fal).not.toHaveBeenCalled();
  });
});

describe("the guard: what is forwarded", () => {
  it("sends the server's key and only the headers the app's client uses", async () => {
    const kit = createGuardKit();
    const response = await kit.call({
      headers: {
        authorization: "Key caller-key",
        cookie: "authjs.session-token=secret-session",
        "x-fal-queue-priority": "normal",
        "x-fal-runner-hint": "pin-me-to-a-runner",
        "x-fal-request-timeout": "3600",
        "x-fal-object-lifecycle-preference": '{"expiration_duration_seconds":99999999}',
        "x-fal-store-io": "1",
        "x-forwarded-for": "10.0.0.1",
      },
    });
    expect(response.status).toBe(200);
    const { url, headers } = kit.sent();
    expect(url).toBe(submitUrl);
    expect(headers.get("authorization")).toBe(serverKey);
    expect(headers.get("x-fal-queue-priority")).toBe("normal");
    const forwarded = [...headers.keys()].filter((name) => name.startsWith("x-fal-"));
    expect(forwarded.sort()).toEqual([
      "x-fal-client-proxy",
      "x-fal-queue-priority",
      "x-fal-target-url",
    ]);
    expect(headers.has("cookie")).toBe(false);
    expect(headers.has("x-forwarded-for")).toBe(false);
  });

  it("drops a queue priority the client never sends", async () => {
    const kit = createGuardKit();
    await kit.call({ headers: { "x-fal-queue-priority": "urgent" } });
    expect(kit.sent().headers.has("x-fal-queue-priority")).toBe(false);
  });

  it.each([
    ["text/plain", "415 unsupported_media_type"],
    ["application/x-www-form-urlencoded", "415 unsupported_media_type"],
    ["application/jsonx", "415 unsupported_media_type"],
  ])("refuses a %s body with %s", async (type, refusal) => {
    const kit = createGuardKit();
    const response = await kit.call({ headers: { "content-type": type }, body: "prompt=x" });
    expect(await errorOf(response)).toBe(refusal);
    expect(kit.fal).not.toHaveBeenCalled();
  });

  it.each([
    ["malformed JSON", "{ prompt: x", "400 invalid_body"],
    ["a JSON array", "[1, 2]", "400 invalid_body"],
    ["a JSON string", '"a cat"', "400 invalid_body"],
    ["bytes that are not UTF-8", new Uint8Array([0x7b, 0xff, 0x7d]), "400 invalid_body"],
    ["an oversized body", JSON.stringify({ prompt: "x".repeat(2048) }), "413 payload_too_large"],
  ])("refuses %s", async (_, body, refusal) => {
    const kit = createGuardKit();
    const response = await kit.call({ headers: { "content-type": "application/json" }, body });
    expect(await errorOf(response)).toBe(refusal);
    expect(kit.fal).not.toHaveBeenCalled();
  });

  it("counts the bytes of a body sent without a length, and stops reading past the limit", async () => {
    const kit = createGuardKit();
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode(`{"prompt":"${"x".repeat(500)}`));
      },
    });
    const response = await kit.call({
      headers: { "content-type": "application/json" },
      body: endless,
    });
    expect(await errorOf(response)).toBe("413 payload_too_large");
    expect(pulled).toBeLessThan(10);
    expect(kit.fal).not.toHaveBeenCalled();
  });
});

describe("the guard: what comes back", () => {
  it("passes back only the headers the fal client reads: nothing fal sends can set the app's policy", async () => {
    const kit = createGuardKit();
    kit.fal.mockResolvedValueOnce(
      new Response('{"request_id":"req-9"}', {
        headers: {
          "content-type": "application/json",
          "cache-control": "no-store",
          "x-fal-request-id": "req-9",
          "x-fal-request-timeout-type": "user",
          "retry-after": "2",
          "content-length": "22",
          "content-encoding": "gzip",
          "set-cookie": "fal_session=abc; Path=/",
          connection: "keep-alive, x-hop",
          "keep-alive": "timeout=5",
          "x-hop": "1",
          "access-control-allow-origin": "*",
          "access-control-allow-credentials": "true",
          "strict-transport-security": "max-age=0",
          "content-security-policy": "default-src *",
          link: "<https://evil.example/x.js>; rel=preload; as=script",
          "alt-svc": 'h3=":443"; ma=86400',
          "x-powered-by": "fal",
        },
      }),
    );
    const response = await kit.call({});
    expect([...response.headers.keys()].sort()).toEqual([
      "cache-control",
      "content-type",
      "retry-after",
      "x-fal-request-id",
      "x-fal-request-timeout-type",
    ]);
    expect(await response.json()).toEqual({ request_id: "req-9" });
  });

  it("streams a status stream through without waiting for it to end", async () => {
    const kit = createGuardKit();
    const id = await kit.submit();
    let sendLater: (() => void) | undefined;
    const events = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: {"status":"IN_QUEUE"}\n\n'));
        sendLater = () => controller.close();
      },
    });
    kit.fal.mockResolvedValueOnce(
      new Response(events, { headers: { "content-type": "text/event-stream" } }),
    );
    const response = await kit.call({ method: "GET", target: `${requestUrl(id)}/status/stream` });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toContain('"IN_QUEUE"');
    sendLater?.();
    expect((await reader?.read())?.done).toBe(true);
  });

  it("turns a dropped connection into a JSON 502 and one log line, with no stack", async () => {
    const kit = createGuardKit();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const socket = Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" });
    kit.fal.mockRejectedValueOnce(new TypeError("fetch failed", { cause: socket }));
    const response = await kit.call({});
    expect(await errorOf(response)).toBe("502 upstream_unreachable");
    expect(logged).toHaveBeenCalledOnce();
    expect(logged.mock.calls[0]?.join(" ")).toBe(
      "fal proxy: upstream request failed: TypeError: fetch failed <- Error: other side closed (UND_ERR_SOCKET)",
    );
  });

  it("gives up on a silent upstream with 504, and frees the late response", async () => {
    const kit = createGuardKit({ upstreamTimeoutMs: 50 });
    let answer: ((response: Response) => void) | undefined;
    kit.fal.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const response = await kit.call({});
    expect(await errorOf(response)).toBe("504 upstream_timeout");
    // fal's client would retry a plain 504 three times, each waiting the whole timeout again.
    expect(response.headers.get("x-fal-request-timeout-type")).toBe("user");
    let cancelled = false;
    const late = new ReadableStream({
      cancel() {
        cancelled = true;
      },
    });
    answer?.(new Response(late));
    await vi.waitFor(() => expect(cancelled).toBe(true));
  });
});

import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Access } from "@/lib/auth/access";
import { captureStdoutLines } from "../../../../tooling/testing/stdout-lines";

// The session check has its own tests (lib/auth/session-token.test.ts, and end to end); here
// the route's own decisions are tested.
const access = vi.hoisted(() => ({ current: { status: "signed-out" } as Record<string, unknown> }));
vi.mock("@/lib/auth/access", async (original) => {
  const real = await original<typeof import("@/lib/auth/access")>();
  const identifyProxyCaller = async () => access.current as unknown as Access;
  return {
    ...real,
    identifyProxyCaller,
    isAllowedCaller: real.sessionAdmission(identifyProxyCaller),
  };
});

const user = { id: "u1", email: "ada@example.com", name: "Ada" };
const submit = (headers: Record<string, string> = {}) =>
  new NextRequest("http://localhost/api/fal/proxy", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-fal-target-url": "https://queue.fal.run/fal-ai/flux/schnell",
      ...headers,
    },
    body: JSON.stringify({ prompt: "a cat" }),
  });

async function loadRoute(env: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries({ AUTH_SECRET: "test-secret", ...env })) {
    vi.stubEnv(name, value);
  }
  return import("./route");
}

describe("the fal proxy route", () => {
  let upstream: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    upstream = vi.fn(async () => Response.json({ request_id: "r1" }));
    vi.stubGlobal("fetch", upstream);
    // The audit line of each request (its content is tested with the guard).
    captureStdoutLines();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it.each([
    {
      who: "a signed-out caller",
      access: { status: "signed-out" },
      status: 401,
      code: "unauthenticated",
    },
    {
      who: "a user outside the allow-list",
      access: { status: "forbidden", user },
      status: 403,
      code: "forbidden",
    },
  ])("refuses $who with $status and calls nothing upstream", async (refusal) => {
    access.current = refusal.access;
    const { POST } = await loadRoute({ FAL_KEY: "server-key" });
    const response = await POST(submit());
    expect(response.status).toBe(refusal.status);
    expect(await response.json()).toMatchObject({ error: { code: refusal.code } });
    expect(upstream).not.toHaveBeenCalled();
  });

  it("names FAL_KEY when the server has no key, and calls nothing upstream", async () => {
    access.current = { status: "allowed", user };
    const { POST } = await loadRoute({ FAL_KEY: "" });
    const response = await POST(submit());
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("fal_key_missing");
    expect(body.error.message).toContain("FAL_KEY");
    expect(upstream).not.toHaveBeenCalled();
  });

  it("sends the server's key upstream, never the caller's", async () => {
    access.current = { status: "allowed", user };
    const { POST } = await loadRoute({ FAL_KEY: "server-key" });
    const response = await POST(submit({ authorization: "Key caller-key" }));
    expect(response.status).toBe(200);
    expect(upstream).toHaveBeenCalledOnce();
    const [url, init] = upstream.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("https://queue.fal.run/fal-ai/flux/schnell");
    expect((init.headers as Record<string, string>).authorization).toBe("Key server-key");
  });

  it("answers methods it does not proxy with 405", async () => {
    access.current = { status: "allowed", user };
    const { DELETE } = await loadRoute({ FAL_KEY: "server-key" });
    const response = await DELETE(
      new NextRequest("http://localhost/api/fal/proxy", { method: "DELETE" }),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST, PUT");
  });

  it("answers a failed upstream with a JSON 502, not a stack", async () => {
    access.current = { status: "allowed", user };
    upstream.mockRejectedValueOnce(new TypeError("fetch failed"));
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { POST } = await loadRoute({ FAL_KEY: "server-key" });
    const response = await POST(submit());
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { code: "upstream_unreachable" } });
  });
});

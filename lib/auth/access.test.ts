import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseAllowList } from "./allow-list";

const day = 86_400;
const now = Date.UTC(2026, 0, 10);
const nowSeconds = now / 1000;
const ada = {
  id: "oidc:ada",
  email: "ada@corp.com",
  emailVerified: true,
  signedInAt: nowSeconds - day,
};
const listed = { allowList: parseAllowList("ada@corp.com"), sessionMaxAgeSeconds: 7 * day };
const anyone = { allowList: parseAllowList(undefined), sessionMaxAgeSeconds: 7 * day };

async function loadAccess(env: Record<string, string> = {}) {
  vi.resetModules();
  const base = { AUTH_SECRET: "access-test-secret", AUTH_URL: "http://localhost:3000" };
  for (const [name, value] of Object.entries({ ...base, ...env })) vi.stubEnv(name, value);
  return import("./access");
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

describe("decideAccess", () => {
  let decideAccess: Awaited<ReturnType<typeof loadAccess>>["decideAccess"];
  beforeEach(async () => {
    ({ decideAccess } = await loadAccess());
  });

  it("admits a verified, listed user within the sign-in's lifetime", () => {
    expect(decideAccess(ada, listed, now)).toEqual({ status: "allowed", user: ada });
  });

  it("refuses an unverified email even when it is on the list", () => {
    const claimed = { ...ada, emailVerified: false };
    expect(decideAccess(claimed, listed, now)).toEqual({
      status: "forbidden",
      reason: "unverified",
      user: claimed,
    });
    const { emailVerified: _, ...unsaid } = ada;
    expect(decideAccess(unsaid, listed, now)).toMatchObject({ reason: "unverified" });
  });

  it("says unverified, not unlisted, for an unverified stranger: the list cannot be probed", () => {
    const stranger = { ...ada, email: "eve@evil.dev", emailVerified: false };
    expect(decideAccess(stranger, listed, now)).toMatchObject({ reason: "unverified" });
  });

  it("refuses a verified email that is not on the list", () => {
    const stranger = { ...ada, email: "eve@evil.dev" };
    expect(decideAccess(stranger, listed, now)).toMatchObject({
      status: "forbidden",
      reason: "not-listed",
    });
  });

  it("ignores verification when anyone may sign in", () => {
    const claimed = { ...ada, emailVerified: false, email: null };
    expect(decideAccess(claimed, anyone, now)).toMatchObject({ status: "allowed" });
  });

  it("signs out a sign-in older than the absolute lifetime, and one without a sign-in time", () => {
    const lapsed = { ...ada, signedInAt: nowSeconds - 7 * day };
    expect(decideAccess(lapsed, listed, now)).toEqual({ status: "signed-out", reason: "expired" });
    expect(decideAccess(lapsed, anyone, now - 1_000)).toMatchObject({ status: "allowed" });
    expect(decideAccess({ ...ada, signedInAt: null }, anyone, now)).toEqual({
      status: "signed-out",
      reason: "expired",
    });
  });

  it("is signed out, with no reason, without a user", () => {
    expect(decideAccess(null, listed, now)).toEqual({ status: "signed-out" });
    expect(decideAccess({ ...ada, id: "" }, listed, now)).toEqual({ status: "signed-out" });
  });
});

describe("accessOf", () => {
  it("applies the sign-in's lifetime to the pages' session", async () => {
    const { accessOf } = await loadAccess({
      AUTH_ALLOWED_EMAILS: "ada@corp.com",
      AUTH_SESSION_MAX_AGE: "3600",
    });
    const signedInAt = (secondsAgo: number) => Math.floor(Date.now() / 1000) - secondsAgo;
    expect(accessOf({ user: { ...ada, signedInAt: signedInAt(3_601) } })).toEqual({
      status: "signed-out",
      reason: "expired",
    });
    expect(accessOf({ user: { ...ada, signedInAt: signedInAt(0) } })).toMatchObject({
      status: "allowed",
    });
    expect(accessOf(null)).toEqual({ status: "signed-out" });
  });
});

describe("identifyProxyCaller", () => {
  it("signs out a remembered caller once the sign-in's lifetime is over", async () => {
    vi.useFakeTimers({ now, toFake: ["Date"] });
    const secret = "access-test-secret";
    const { identifyProxyCaller } = await loadAccess({
      AUTH_ALLOWED_EMAILS: "ada@corp.com",
      AUTH_SESSION_MAX_AGE: "3600",
    });
    const name = "authjs.session-token";
    const token = { sub: ada.id, email: ada.email, emailVerified: true, signedInAt: nowSeconds };
    const cookie = `${name}=${await encode({ token, secret, salt: name })}`;
    const request = () =>
      new Request("http://localhost:3000/api/fal/proxy", { headers: { cookie } });

    expect(await identifyProxyCaller(request())).toMatchObject({ status: "allowed" });
    // Read (and remembered for up to a minute) 30 s before the sign-in lapses ...
    vi.setSystemTime(now + 3_570_000);
    expect(await identifyProxyCaller(request())).toMatchObject({ status: "allowed" });
    // ... and refused at the lapse, within that minute.
    vi.setSystemTime(now + 3_600_000);
    expect(await identifyProxyCaller(request())).toEqual({
      status: "signed-out",
      reason: "expired",
    });
  });
});

describe("isAllowedCaller", () => {
  it("admits, for fal's library, only a call whose session cookie is an allowed user's", async () => {
    const secret = "access-test-secret";
    const { isAllowedCaller } = await loadAccess({ AUTH_ALLOWED_EMAILS: "ada@corp.com" });
    const name = "authjs.session-token";
    const cookieOf = async (email: string) => {
      const token = {
        sub: `oidc:${email}`,
        email,
        emailVerified: true,
        signedInAt: Date.now() / 1000,
      };
      return `${name}=${await encode({ token, secret, salt: name })}`;
    };
    const caller = (cookie?: string) => ({
      getHeader: (header: string) => (header === "cookie" ? cookie : undefined),
    });
    expect(await isAllowedCaller(caller(await cookieOf("ada@corp.com")))).toBe(true);
    expect(await isAllowedCaller(caller(await cookieOf("eve@elsewhere.test")))).toBe(false);
    expect(await isAllowedCaller(caller(`${name}=forged`))).toBe(false);
    expect(await isAllowedCaller(caller())).toBe(false);
  });
});

import { decode, encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSessionTokenReader, sessionCookieName } from "./session-token";

// The real decryption, counted: the cache's whole point is to call it less.
vi.mock("next-auth/jwt", async (importOriginal) => {
  const original = await importOriginal<typeof import("next-auth/jwt")>();
  return { ...original, decode: vi.fn(original.decode) };
});
const decrypts = vi.mocked(decode);

const secret = "session-token-test-secret";
const plainName = "authjs.session-token";
const sessionMaxAgeSeconds = 7 * 86_400;
const ada = {
  sub: "oidc:ada",
  name: "Ada",
  email: "ada@example.com",
  picture: null,
  emailVerified: true,
  signedInAt: Math.floor(Date.now() / 1000),
};

async function cookieFor(
  token: Record<string, unknown>,
  { name = plainName, key = secret, maxAge = 3_600 } = {},
) {
  return encode({ token, secret: key, salt: name, maxAge });
}

function headers(cookie: string, extra: Record<string, string> = {}) {
  return new Headers({ cookie, "x-forwarded-proto": "http", ...extra });
}

function reader(options: Partial<Parameters<typeof createSessionTokenReader>[0]> = {}) {
  return createSessionTokenReader({ secret, sessionMaxAgeSeconds, ...options });
}

beforeEach(() => {
  decrypts.mockClear();
});
afterEach(() => {
  vi.restoreAllMocks(); // the console spies; the counted `decode` is a mock, not a spy
});

describe("the proxy's session check", () => {
  it("reads the user Auth.js signed in", async () => {
    const read = reader();
    expect(await read(headers(`${plainName}=${await cookieFor(ada)}`))).toEqual({
      id: "oidc:ada",
      name: "Ada",
      email: "ada@example.com",
      image: null,
      emailVerified: true,
      signedInAt: ada.signedInAt,
    });
  });

  it("reads an unverified email and a missing sign-in time as such", async () => {
    const { emailVerified: _, signedInAt: __, ...bare } = ada;
    const user = await reader()(headers(`${plainName}=${await cookieFor(bare)}`));
    expect(user).toMatchObject({ id: "oidc:ada", emailVerified: false, signedInAt: null });
  });

  it("decrypts each distinct cookie once while it is remembered", async () => {
    const read = reader();
    const cookie = `${plainName}=${await cookieFor(ada)}`;
    for (let call = 0; call < 5; call += 1)
      expect((await read(headers(cookie)))?.id).toBe("oidc:ada");
    const bob = `${plainName}=${await cookieFor({ ...ada, sub: "oidc:bob" })}`;
    expect((await read(headers(bob)))?.id).toBe("oidc:bob");
    expect(decrypts).toHaveBeenCalledTimes(2);
  });

  it("refuses a tampered token, a token made with another secret and an expired one", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const read = reader();
    const valid = await cookieFor(ada);
    const tampered = `${valid.slice(0, -6)}${valid.slice(-6).split("").reverse().join("")}`;
    expect(await read(headers(`${plainName}=${tampered}`))).toBeNull();
    const forged = await cookieFor(ada, { key: "an-attacker-guess" });
    expect(await read(headers(`${plainName}=${forged}`))).toBeNull();
    // Past Auth.js's 15 s clock tolerance.
    const expired = await cookieFor(ada, { maxAge: -60 });
    expect(await read(headers(`${plainName}=${expired}`))).toBeNull();
    // One line each, no stack: bad cookies cannot fill the log with traces.
    expect(warn.mock.calls.map(([line]) => String(line).split("\n").length)).toEqual([1, 1, 1]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^auth: session cookie refused \(/));
  });

  it("does not remember a refused token: it is checked again each time", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const read = reader();
    const forged = `${plainName}=${await cookieFor(ada, { key: "an-attacker-guess" })}`;
    await read(headers(forged));
    await read(headers(forged));
    expect(decrypts).toHaveBeenCalledTimes(2);
  });

  it("trusts a verified cookie for a minute at most", async () => {
    let now = 1_000_000;
    const read = reader({ now: () => now });
    const cookie = headers(`${plainName}=${await cookieFor(ada)}`);
    await read(cookie);
    now += 59_000;
    await read(cookie);
    expect(decrypts).toHaveBeenCalledTimes(1);
    now += 2_000;
    await read(cookie);
    expect(decrypts).toHaveBeenCalledTimes(2);
  });

  it("stops trusting a cached token shortly before it expires", async () => {
    const start = Date.now();
    let now = start;
    const read = reader({ now: () => now });
    const cookie = headers(`${plainName}=${await cookieFor(ada, { maxAge: 30 })}`);
    await read(cookie);
    now = start + 20_000;
    await read(cookie);
    expect(decrypts).toHaveBeenCalledTimes(1);
    now = start + 26_000;
    await read(cookie);
    expect(decrypts).toHaveBeenCalledTimes(2);
  });

  it("stops trusting a cached user at the sign-in's absolute expiry", async () => {
    const start = Date.now();
    let now = start;
    const read = reader({ now: () => now, sessionMaxAgeSeconds: 3_600 });
    // Signed in 3,590 s ago: the sign-in lapses in 10 s, though the token itself lives on.
    const signedInAt = Math.floor(start / 1000) - 3_590;
    const cookie = headers(`${plainName}=${await cookieFor({ ...ada, signedInAt })}`);
    await read(cookie);
    now = start + 5_000;
    await read(cookie);
    expect(decrypts).toHaveBeenCalledTimes(1);
    now = start + 11_000;
    expect(await read(cookie)).toMatchObject({ signedInAt });
    expect(decrypts).toHaveBeenCalledTimes(2);
  });

  it("does not remember a token without a sign-in time", async () => {
    const { signedInAt: _, ...old } = ada;
    const read = reader();
    const cookie = headers(`${plainName}=${await cookieFor(old)}`);
    await read(cookie);
    await read(cookie);
    expect(decrypts).toHaveBeenCalledTimes(2);
  });

  it("keys what it remembers by the cookie's name and value", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const read = reader();
    const secureName = `__Secure-${plainName}`;
    const token = await cookieFor(ada, { name: secureName });
    const https = new Headers({ cookie: `${secureName}=${token}`, "x-forwarded-proto": "https" });
    expect((await read(https))?.id).toBe("oidc:ada");
    // The same value under the plain name is a token for another salt: it must be decrypted,
    // and fails, rather than be answered from what the secure cookie left in the cache.
    expect(await read(headers(`${plainName}=${token}`))).toBeNull();
    expect(decrypts).toHaveBeenCalledTimes(2);
  });

  it("remembers a bounded number of cookies", async () => {
    const read = reader({ maxEntries: 1 });
    const first = headers(`${plainName}=${await cookieFor(ada)}`);
    const second = headers(`${plainName}=${await cookieFor({ ...ada, sub: "oidc:bob" })}`);
    await read(first);
    await read(second);
    await read(first);
    expect(decrypts).toHaveBeenCalledTimes(3);
  });

  it("reads the session cookie only, not a Bearer token", async () => {
    const read = reader();
    const token = await cookieFor(ada);
    expect(await read(headers("", { authorization: `Bearer ${token}` }))).toBeNull();
    expect(await read(headers(""))).toBeNull();
  });

  it("reassembles a cookie Auth.js split into chunks", async () => {
    const read = reader();
    const token = await cookieFor(ada);
    const half = Math.floor(token.length / 2);
    const chunked = `${plainName}.1=${token.slice(half)}; ${plainName}.0=${token.slice(0, half)}`;
    expect((await read(headers(chunked)))?.id).toBe("oidc:ada");
  });

  it("reads the __Secure- cookie over https, as Auth.js names it there", async () => {
    const secureName = `__Secure-${plainName}`;
    const token = await cookieFor(ada, { name: secureName });
    const https = new Headers({ cookie: `${secureName}=${token}`, "x-forwarded-proto": "https" });
    expect((await reader()(https))?.id).toBe("oidc:ada");
    // The plain name is not read on https: a cookie set over http cannot stand in for it.
    const plain = await cookieFor(ada);
    const planted = new Headers({ cookie: `${plainName}=${plain}`, "x-forwarded-proto": "https" });
    expect(await reader()(planted)).toBeNull();
  });
});

describe("sessionCookieName", () => {
  it.each([
    { authUrl: "https://app.example.com", proto: "http", name: `__Secure-${plainName}` },
    { authUrl: "http://localhost:3000", proto: "https", name: plainName },
    { authUrl: undefined, proto: "http", name: plainName },
    { authUrl: undefined, proto: "https", name: `__Secure-${plainName}` },
    { authUrl: undefined, proto: undefined, name: `__Secure-${plainName}` },
  ])("AUTH_URL $authUrl, forwarded $proto: $name", ({ authUrl, proto, name }) => {
    const forwarded = new Headers(proto ? { "x-forwarded-proto": proto } : {});
    expect(sessionCookieName(forwarded, authUrl)).toBe(name);
  });
});

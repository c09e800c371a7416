import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, everyAnswerHeaders, newNonce } from "./security-headers";

const emulator = "http://localhost:4010";

/** The policy as a map from each directive to its sources. */
function directivesOf(options: Partial<Parameters<typeof contentSecurityPolicy>[0]> = {}) {
  const policy = contentSecurityPolicy({
    nonce: "bm9uY2U=",
    development: false,
    mediaOrigins: [],
    ...options,
  });
  return new Map(
    policy.split("; ").map((directive) => {
      const [name = "", ...sources] = directive.split(" ");
      return [name, sources] as const;
    }),
  );
}

describe("everyAnswerHeaders", () => {
  it("stops MIME sniffing, keeps paths out of other origins' referrers and forbids framing", () => {
    expect(everyAnswerHeaders).toEqual([
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
    ]);
  });
});

describe("contentSecurityPolicy", () => {
  it("forbids framing, plugins and a moved base URL", () => {
    const directives = directivesOf();
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'self'"]);
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("font-src")).toEqual(["'self'"]);
  });

  it("runs only scripts with this response's nonce, and what they load", () => {
    expect(directivesOf({ nonce: "abc+/=" }).get("script-src")).toEqual([
      "'self'",
      "'nonce-abc+/='",
      "'strict-dynamic'",
    ]);
  });

  it("allows eval in development only, where React needs it", () => {
    expect(directivesOf({ development: true }).get("script-src")).toContain("'unsafe-eval'");
    expect(
      contentSecurityPolicy({ nonce: "n", development: false, mediaOrigins: [] }),
    ).not.toContain("unsafe-eval");
  });

  it("allows inline styles, for React's style attributes and Next's own", () => {
    expect(directivesOf().get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("shows and fetches media from fal's hosts, and from the emulator only when given", () => {
    const fal = ["https://fal.media", "https://*.fal.media"];
    const withoutEmulator = directivesOf();
    expect(withoutEmulator.get("img-src")).toEqual(
      expect.arrayContaining(["'self'", "blob:", "data:", ...fal]),
    );
    expect(withoutEmulator.get("connect-src")).toEqual(["'self'", ...fal]);
    expect(withoutEmulator.get("media-src")).toEqual(["'self'", ...fal]);
    expect(
      contentSecurityPolicy({ nonce: "n", development: false, mediaOrigins: [] }),
    ).not.toContain("localhost");

    const withEmulator = directivesOf({ mediaOrigins: [emulator] });
    expect(withEmulator.get("img-src")).toContain(emulator);
    expect(withEmulator.get("connect-src")).toEqual(["'self'", ...fal, emulator]);
    expect(withEmulator.get("media-src")).toEqual(["'self'", ...fal, emulator]);
  });

  it("does not allow images, videos or connections anywhere else", () => {
    const directives = directivesOf({ mediaOrigins: [emulator] });
    for (const name of ["img-src", "media-src", "connect-src"]) {
      expect(directives.get(name)).not.toContain("https:");
      expect(directives.get(name)).not.toContain("*");
    }
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, new each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

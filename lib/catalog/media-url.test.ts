import { describe, expect, it } from "vitest";
import { mediaUrlProblem } from "./media-url";

const emulator = "http://localhost:4100";
const isAcceptedMediaUrl = (raw: string, origins: string[] = []) =>
  mediaUrlProblem(raw, origins) === undefined;

describe("input image URLs (the attack catalogue)", () => {
  it.each([
    "https://fal.media/files/koala/Chls9L2ZnvuipUTEwlnJC.png",
    "https://v3.fal.media/files/rabbit/rmgBxhwGYb2d3pl3x9sKf_output.png",
    "https://v2.fal.media/files/a/b.jpeg",
  ])("accepts fal's media hosts: %s", (url) => {
    expect(mediaUrlProblem(url)).toBeUndefined();
  });

  it.each([
    ["a foreign host", "https://evil.example/cat.png"],
    ["plain http to fal", "http://v3.fal.media/files/a/b.png"],
    ["a look-alike suffix", "https://fal.media.evil.com/files/a.png"],
    ["a look-alike prefix", "https://evilfal.media/files/a.png"],
    ["fal's host as user info", "https://v3.fal.media@evil.com/files/a.png"],
    ["user info on fal's host", "https://user:pass@v3.fal.media/files/a.png"],
    ["a port", "https://v3.fal.media:8443/files/a.png"],
    ["the default port written out", "https://v3.fal.media:443/files/a.png"],
    ["a trailing dot", "https://v3.fal.media./files/a.png"],
    ["upper case (not canonical)", "https://V3.FAL.MEDIA/files/a.png"],
    ["a Cyrillic look-alike (punycode)", "https://v3.fаl.media/files/a.png"],
    ["a punycode label", "https://xn--fl-8cd.media/files/a.png"],
    ["a punycode subdomain", "https://xn--v3-abc.fal.media/files/a.png"],
    ["a fullwidth dot", "https://v3.fal\uff0emedia/files/a.png"],
    ["a backslash", "https:\\\\v3.fal.media\\files\\a.png"],
    ["surrounding spaces", " https://v3.fal.media/files/a.png "],
    ["an encoded dot-dot", "https://v3.fal.media/files/%2e%2e/a.png"],
    ["a data: URL", "data:image/png;base64,iVBORw0KGgo="],
    ["a file: URL", "file:///etc/passwd"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["an IP literal", "https://104.18.0.1/files/a.png"],
    ["a relative path", "/files/a.png"],
    ["no URL at all", "a cat"],
    ["an overlong URL", `https://v3.fal.media/files/${"a".repeat(3000)}.png`],
  ])("refuses %s", (_, url) => {
    expect(mediaUrlProblem(url)).toMatch(/^image_url must /);
    expect(isAcceptedMediaUrl(url, [emulator])).toBe(false);
  });

  it("accepts the emulator's files only when its origin is passed, and nothing else there", () => {
    const file = `${emulator}/files/uploads/6d1f/cat.png`;
    expect(isAcceptedMediaUrl(file)).toBe(false);
    expect(isAcceptedMediaUrl(file, [emulator])).toBe(true);
    expect(isAcceptedMediaUrl(`${emulator}/__emulator/reset`, [emulator])).toBe(false);
    expect(isAcceptedMediaUrl("http://localhost:4101/files/a.png", [emulator])).toBe(false);
    expect(isAcceptedMediaUrl("http://user@localhost:4100/files/a.png", [emulator])).toBe(false);
  });
});

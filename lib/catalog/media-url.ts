import { falMediaDomain } from "@/lib/fal/fal-hosts";

/**
 * Origins an input image may come from besides fal's media hosts, e.g. the local emulator's
 * `http://localhost:4010` (lib/fal/server/emulator-media.ts): empty in production. The server
 * passes the same list to the page, so the form and the proxy accept the same URLs.
 */
export type ExtraMediaOrigins = readonly string[];

/** Where an emulator keeps the files it serves; nothing else on its origin is an image. */
const emulatorFilesPath = "/files/";
const maxUrlLength = 2048;

function parse(raw: string): URL | undefined {
  return URL.canParse(raw) ? new URL(raw) : undefined;
}

function isFalMediaHost(hostname: string): boolean {
  const labels = hostname.split(".");
  // Punycode labels could spell a look-alike of a real subdomain; fal uses none.
  if (labels.some((label) => label === "" || label.startsWith("xn--"))) return false;
  return hostname === falMediaDomain || hostname.endsWith(`.${falMediaDomain}`);
}

/**
 * Why `raw` may not be an input image, or undefined when it may: an https URL on fal's media
 * hosts, written canonically (exactly as a URL parser prints it back, so no case, dot, space,
 * backslash or encoding tricks), with no port and no user info; or a file on one of
 * `extraOrigins`. Never `data:`, never plain `http:` to fal, never a look-alike host.
 */
export function mediaUrlProblem(
  raw: string,
  extraOrigins: ExtraMediaOrigins = [],
): string | undefined {
  const reason =
    "image_url must be an https URL on fal's media hosts (fal.media): upload the image through this app.";
  if (raw.length > maxUrlLength) return `image_url must be at most ${maxUrlLength} characters.`;
  const url = parse(raw);
  if (!url || url.href !== raw) return reason;
  if (url.username !== "" || url.password !== "") return reason;
  if (extraOrigins.includes(url.origin)) {
    return url.pathname.startsWith(emulatorFilesPath) ? undefined : reason;
  }
  if (url.protocol !== "https:" || url.port !== "" || !isFalMediaHost(url.hostname)) return reason;
  return undefined;
}

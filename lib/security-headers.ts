/**
 * The app's security headers, defined once. next.config.ts puts `everyAnswerHeaders` on every
 * answer (pages, route handlers, static files); proxy.ts adds each page's Content-Security-Policy,
 * made per request around a fresh nonce.
 *
 * Unlike the other server modules it has no marker import: next.config.ts loads this file in
 * plain Node, where that package throws. It reads no environment and holds no secret. Its imports
 * are relative for the same loader, which knows nothing of the `@/` alias.
 */
import { falMediaDomain } from "./fal/fal-hosts";

export type Header = { key: string; value: string };

export const everyAnswerHeaders: readonly Header[] = [
  // A JSON answer, an upload's echo or an SVG is never run as the script or page it might look
  // like: the browser keeps to the declared type.
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Other origins (fal's media hosts, a provider's avatar CDN) learn only this app's origin,
  // never a page's path or query, and plain http nothing. Not `no-referrer`: with it, a form
  // posted before the page's scripts load (the sign-in buttons are server actions) sends
  // `Origin: null`, which Next refuses as a cross-site action.
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers without CSP's frame-ancestors, and for the HTML Auth.js serves itself under
  // /api/auth (its sign-out page), which the page policy does not reach.
  { key: "X-Frame-Options", value: "DENY" },
];

/** fal's media hosts: every model's outputs, and the images uploaded through this app. */
const falMediaOrigins = [`https://${falMediaDomain}`, `https://*.${falMediaDomain}`];

/** GitHub sign-in's avatars, which the user menu shows (the session's `picture`). */
const githubAvatarOrigin = "https://avatars.githubusercontent.com";

export type PagePolicy = {
  /** This response's nonce: Next puts it on every script it renders. */
  nonce: string;
  /** `next dev`: React rebuilds server error stacks in the browser with eval. */
  development: boolean;
  /** Where else media live: the emulator's origin with FAL_EMULATOR_URL, else nothing. */
  mediaOrigins: readonly string[];
};

/**
 * A page's Content-Security-Policy. Only scripts carrying this response's nonce run, and what they
 * load (`'strict-dynamic'`: Next's chunks, the fal client loaded after the page); nothing may
 * frame the page, embed a plugin or move its base URL. Styles may be inline: React's style
 * attributes and Next's own inline styles carry no nonce. No `form-action`: a sign-in button
 * posted before the scripts load is answered with a redirect to the provider, which Chrome would
 * hold to that list too.
 */
export function contentSecurityPolicy({ nonce, development, mediaOrigins }: PagePolicy): string {
  const media = [...falMediaOrigins, ...mediaOrigins];
  const directives: Record<string, readonly string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(development ? ["'unsafe-eval'"] : []),
    ],
    "style-src": ["'self'", "'unsafe-inline'"],
    // blob: the chosen image's preview; data: Next's image placeholders.
    "img-src": ["'self'", "blob:", "data:", ...media, githubAvatarOrigin],
    // A video result plays from fal's media hosts, where fal stores it.
    "media-src": ["'self'", ...media],
    // The geist fonts are served from this app.
    "font-src": ["'self'"],
    // The download button fetches a result's bytes (images are uploaded to this app itself).
    "connect-src": ["'self'", ...media],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** 128 random bits, base64: unguessable, and new for every response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

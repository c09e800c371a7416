import {
  InvalidCheck,
  JWTSessionError,
  MissingSecret,
  OAuthCallbackError,
  OAuthSignInError,
  UnknownAction,
} from "@auth/core/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { logAuthError } from "./auth-log";

afterEach(() => {
  vi.restoreAllMocks();
});

function capture() {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  const lines = () => [...warn.mock.calls, ...error.mock.calls].map(([first]) => first);
  return { warn, error, lines };
}

describe("logAuthError", () => {
  it("logs a sign-in a visitor broke (?error= on the callback) as one line, no stack", () => {
    const log = capture();
    // What Auth.js throws for GET /api/auth/callback/oidc?error=x.
    logAuthError(
      new OAuthCallbackError("OAuth Provider returned an error", { cause: { error: "x" } }),
    );
    expect(log.error).not.toHaveBeenCalled();
    expect(log.lines()).toEqual([
      expect.stringMatching(/^auth: request refused \(OAuthCallbackError: OAuth Provider/),
    ]);
    expect(String(log.lines()[0])).not.toContain("\n");
  });

  it("logs a missing check cookie and an unknown action in one line each", () => {
    const log = capture();
    logAuthError(new InvalidCheck("pkceCodeVerifier cookie was missing"));
    logAuthError(new UnknownAction("Cannot parse action at /api/auth/x\n\u001b[31mfake"));
    expect(log.lines()).toEqual([
      expect.stringMatching(/^auth: request refused \(InvalidCheck: /),
      expect.stringMatching(/^auth: request refused \(UnknownAction: [\x20-\x7e]+\)$/),
    ]);
  });

  it("keeps the session cookie's own one-line warning", () => {
    const log = capture();
    logAuthError(new JWTSessionError("decryption operation failed"));
    expect(log.lines()).toEqual([expect.stringMatching(/^auth: session cookie refused/)]);
  });

  it("logs server faults in full", () => {
    const log = capture();
    const missing = new MissingSecret("Please define a `secret`");
    const unreachable = new OAuthSignInError("fetch failed");
    logAuthError(missing);
    logAuthError(unreachable);
    logAuthError(new Error("something else"));
    expect(log.warn).not.toHaveBeenCalled();
    expect(log.error.mock.calls.map(([first]) => first)).toEqual([
      missing,
      unreachable,
      expect.any(Error),
    ]);
  });
});

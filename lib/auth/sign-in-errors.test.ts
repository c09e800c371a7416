import { describe, expect, it } from "vitest";
import { genericSignInError, signInErrorMessage } from "./sign-in-errors";

describe("signInErrorMessage", () => {
  it("shows nothing without an error", () => {
    expect(signInErrorMessage(undefined)).toBeUndefined();
  });

  it.each([
    ["Configuration", /problem on the server/],
    ["AccessDenied", /did not give this app access/],
    ["OAuthCallbackError", /provider did not complete the sign-in/],
    ["OAuthAccountNotLinked", /another sign-in method/],
    ["MissingCSRF", /form expired/],
    ["Verification", /no longer valid/],
    ["UnknownProvider", /not available here/],
  ])("says something fixed for Auth.js's %s", (code, message) => {
    expect(signInErrorMessage(code)).toMatch(message);
  });

  it("shows a generic message, never the parameter, for anything else", () => {
    for (const code of ["<script>alert(1)</script>", "x", "", "constructor", "__proto__"]) {
      expect(signInErrorMessage(code)).toBe(genericSignInError);
    }
  });

  it("reads only the first of repeated parameters", () => {
    expect(signInErrorMessage(["AccessDenied", "<b>x</b>"])).toMatch(/did not give/);
  });
});

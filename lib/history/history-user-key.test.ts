import { describe, expect, it } from "vitest";
import { historyUserKey } from "./history-user-key";

describe("historyUserKey", () => {
  it("is 64 hex digits that do not contain the user id", () => {
    const key = historyUserKey("github:583231");
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain("583231");
  });

  it("is the same for the same user at every sign-in, and differs between users", () => {
    expect(historyUserKey("oidc:demo-user")).toBe(historyUserKey("oidc:demo-user"));
    expect(historyUserKey("oidc:demo-user")).not.toBe(historyUserKey("oidc:other-user"));
  });
});

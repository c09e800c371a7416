import { describe, expect, it } from "vitest";
import { providerOfUserId, stableUserId } from "./user-id";

describe("stableUserId", () => {
  it("is the same at every sign-in, and apart per provider", () => {
    const github = { provider: "github", providerAccountId: "583231" };
    expect(stableUserId(github)).toBe("github:583231");
    expect(stableUserId({ ...github })).toBe(stableUserId(github));
    expect(stableUserId({ provider: "oidc", providerAccountId: "583231" })).not.toBe(
      stableUserId(github),
    );
  });
});

describe("providerOfUserId", () => {
  it("names the provider of a stable id", () => {
    expect(providerOfUserId(stableUserId({ provider: "oidc", providerAccountId: "a:b" }))).toBe(
      "oidc",
    );
    expect(providerOfUserId("no-provider")).toBe("");
  });
});

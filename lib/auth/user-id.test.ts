import { describe, expect, it } from "vitest";
import { stableUserId } from "./user-id";

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

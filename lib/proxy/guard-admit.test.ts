import { afterEach, describe, expect, it, vi } from "vitest";
import type { Access } from "@/lib/auth/access";
import { createGuardKit } from "../../tooling/testing/guard-kit";

afterEach(() => {
  vi.unstubAllGlobals();
});

async function refusal(as: Access) {
  const kit = createGuardKit();
  const response = await kit.call({ as });
  expect(kit.fal).not.toHaveBeenCalled();
  const { error } = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, ...error };
}

describe("the guard: why a caller is refused", () => {
  it("tells a user whose email is unverified that this is the reason", async () => {
    const user = { id: "github:7", email: "ceo@corp.com", emailVerified: false };
    expect(await refusal({ status: "forbidden", reason: "unverified", user })).toEqual({
      status: 403,
      code: "forbidden",
      message: expect.stringMatching(/^ceo@corp\.com is not a verified email address/),
    });
  });

  it("tells a listed-out user only that they are not allowed", async () => {
    const user = { id: "github:9", email: "eve@elsewhere.test", emailVerified: true };
    const { message } = await refusal({ status: "forbidden", reason: "not-listed", user });
    expect(message).toBe("eve@elsewhere.test is not allowed to use this app.");
  });

  it("tells a caller whose sign-in is too old that the session expired", async () => {
    expect(await refusal({ status: "signed-out", reason: "expired" })).toEqual({
      status: 401,
      code: "unauthenticated",
      message: "Your session has expired. Sign in again to generate images.",
    });
  });
});

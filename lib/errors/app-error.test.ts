import { describe, expect, it, vi } from "vitest";

describe("AppError", () => {
  it("is recognised across copies of its module, as Next bundles the page and each route", async () => {
    const first = await import("./app-error");
    vi.resetModules();
    const second = await import("./app-error");
    expect(second.AppError).not.toBe(first.AppError);

    const refusal = new first.AppError("rate_limited", 429, "Slow down.");
    expect(refusal).toBeInstanceOf(second.AppError);
    expect(second.toErrorResponse(refusal).status).toBe(429);
    expect(new Error("plain")).not.toBeInstanceOf(second.AppError);
  });
});

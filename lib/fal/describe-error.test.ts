import { ApiError, ValidationError } from "@fal-ai/client";
import { describe, expect, it } from "vitest";
import { describeError } from "./describe-error";

const apiError = (status: number, body: unknown) => new ApiError({ message: "x", status, body });

describe("describeError", () => {
  it("asks a signed-out user to sign in again", () => {
    const error = apiError(401, {
      error: { code: "unauthenticated", message: "You are signed out." },
    });
    expect(describeError(error)).toEqual({ message: "You are signed out.", action: "sign-in" });
  });

  it("offers no retry for refusals a retry cannot fix", () => {
    for (const code of ["forbidden", "model_not_allowed", "fal_key_missing"]) {
      expect(describeError(apiError(403, { error: { code, message: "no" } })).action).toBe("none");
    }
  });

  it("offers a retry for upstream failures, with their status", () => {
    expect(describeError(apiError(500, { detail: "boom" }))).toEqual({
      message: "fal could not complete the request (HTTP 500). Try again.",
      action: "retry",
    });
    expect(describeError(new TypeError("Failed to fetch")).action).toBe("retry");
  });

  it("names the fields fal rejected", () => {
    const error = new ValidationError({
      message: "Unprocessable",
      status: 422,
      body: { detail: [{ loc: ["body", "prompt"], msg: "field required", type: "missing" }] },
    });
    expect(describeError(error).message).toBe("fal rejected the input (prompt: field required).");
  });
});

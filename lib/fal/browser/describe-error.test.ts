import { ApiError, ValidationError } from "@fal-ai/client";
import { describe, expect, it } from "vitest";
import { errorCodes } from "@/lib/errors/error-codes";
import { describeError, whenToRetry } from "./describe-error";

const apiError = (status: number, body: unknown) => new ApiError({ message: "x", status, body });

describe("describeError", () => {
  it("asks a signed-out user to sign in again", () => {
    const error = apiError(401, {
      error: { code: "unauthenticated", message: "You are signed out." },
    });
    expect(describeError(error)).toEqual({
      message: "You are signed out.",
      action: "sign-in",
      detail: "HTTP 401",
    });
  });

  it("offers no retry for refusals a retry cannot fix", () => {
    for (const code of ["forbidden", "model_not_allowed", "fal_key_missing"]) {
      expect(describeError(apiError(403, { error: { code, message: "no" } })).action).toBe("none");
    }
  });

  it("tells a rate-limited user when they may try again", () => {
    const error = apiError(429, {
      error: {
        code: "rate_limited",
        message: "You can start 10 generations per minute; that limit is reached.",
        retryAt: "2026-11-24T15:42:10.000Z",
      },
    });
    const now = new Date("2026-11-24T15:41:45.000Z");
    expect(describeError(error, { now, formatTime: () => "unused" })).toEqual({
      message:
        "You can start 10 generations per minute; that limit is reached. Try again in 25 seconds.",
      action: "none",
      detail: "HTTP 429",
    });
  });

  it("names the budget that ran out and when it resets", () => {
    const error = apiError(429, {
      error: {
        code: "app_budget_exhausted",
        message: "This app has used its $10.00 daily budget.",
        retryAt: "2026-11-25T00:00:00.000Z",
      },
    });
    const now = new Date("2026-11-24T21:30:00.000Z");
    const formatTime = (date: Date) => date.toISOString().slice(11, 16);
    expect(describeError(error, { now, formatTime })).toEqual({
      message:
        "This app has used its $10.00 daily budget. Budgets reset at midnight UTC, tomorrow at 00:00.",
      action: "none",
      detail: "HTTP 429",
    });
  });

  it("explains the upload limit and when uploads come back", () => {
    const error = apiError(429, {
      error: {
        code: "upload_limit_reached",
        message:
          "You can upload 20 images a day, and today's are used up. The count starts again at midnight UTC.",
        retryAt: "2026-11-28T00:00:00.000Z",
      },
    });
    const now = new Date("2026-11-27T21:30:00.000Z");
    const formatTime = (date: Date) => date.toISOString().slice(11, 16);
    expect(describeError(error, { now, formatTime })).toEqual({
      message:
        "You can upload 20 images a day, and today's are used up. The count starts again at midnight UTC. You can upload again tomorrow at 00:00.",
      action: "none",
      detail: "HTTP 429",
    });
  });

  it("names the accepted image types when an upload's type is refused", () => {
    const message = "Only image/png, image/jpeg, image/webp images can be uploaded, not image/gif.";
    const error = apiError(415, { error: { code: "unsupported_upload_type", message } });
    expect(describeError(error)).toEqual({ message, action: "none", detail: "HTTP 415" });
    const bare = apiError(400, { error: { code: "invalid_upload", message: "" } });
    expect(describeError(bare).message).toBe(
      "The server refused this upload's file name or details.",
    );
  });

  it("shows the server's words for a refused input, which name the field", () => {
    const error = apiError(400, {
      error: {
        code: "invalid_input",
        message: "num_images must be at most 4 for FLUX.1 [dev].",
        field: "num_images",
      },
    });
    expect(describeError(error)).toEqual({
      message: "num_images must be at most 4 for FLUX.1 [dev].",
      action: "none",
      detail: "HTTP 400",
    });
  });

  it("names the time, and the day when it is not today, for a longer wait", () => {
    const clock = (now: string) => ({
      now: new Date(now),
      formatTime: (date: Date) => date.toISOString().slice(11, 16),
    });
    const retryAt = new Date("2026-11-24T15:42:00.000Z");
    expect(whenToRetry(retryAt, clock("2026-11-24T14:10:00.000Z"))).toBe("at 15:42");
    expect(whenToRetry(retryAt, clock("2026-11-23T16:00:00.000Z"))).toBe("tomorrow at 15:42");
    expect(whenToRetry(retryAt, clock("2026-11-24T15:42:00.500Z"))).toBe("in a second");
  });

  it("offers a retry for a timeout or an unreachable store, not for a foreign request id", () => {
    const action = (code: string) =>
      describeError(apiError(504, { error: { code, message: "" } })).action;
    expect(action("upstream_timeout")).toBe("retry");
    expect(action("store_unavailable")).toBe("retry");
    expect(action("request_not_found")).toBe("none");
    expect(
      describeError(apiError(504, { error: { code: "upstream_timeout", message: "" } })),
    ).toEqual({
      message: "The model took too long to answer.",
      action: "retry",
      detail: "HTTP 504",
    });
  });

  it("does not say 'Try again' beside the Try again button, and keeps the server's facts", () => {
    const error = apiError(504, {
      error: {
        code: "upstream_timeout",
        message: "The model did not answer within 30 s. Try again.",
      },
    });
    expect(describeError(error)).toEqual({
      message: "The model did not answer within 30 s.",
      action: "retry",
      detail: "HTTP 504",
    });
    for (const code of ["read_rate_limited", "too_many_streams", "store_unavailable"]) {
      const { message } = describeError(apiError(429, { error: { code, message: "" } }));
      expect(message, code).not.toMatch(/try again/i);
    }
  });

  it("offers a retry for upstream failures, their status as small print, not the headline", () => {
    expect(describeError(apiError(500, { detail: "boom" }))).toEqual({
      message: "The model could not finish this run.",
      action: "retry",
      detail: "HTTP 500",
    });
    expect(describeError(new TypeError("Failed to fetch")).action).toBe("retry");
  });

  it("names the fields fal rejected", () => {
    const error = new ValidationError({
      message: "Unprocessable",
      status: 422,
      body: { detail: [{ loc: ["body", "prompt"], msg: "field required", type: "missing" }] },
    });
    expect(describeError(error).message).toBe(
      "The model could not use these settings (prompt: field required).",
    );
  });

  it("treats anything but fal's errors as not having reached the server", () => {
    const notFal = "The request did not reach the server. Check your connection.";
    // A failed load of the fal client's own chunk, and look-alikes without fal's shape.
    for (const error of [
      new TypeError("Failed to fetch dynamically imported module"),
      Object.assign(new Error("x"), { status: 500 }),
      { name: "ApiError", status: 500, body: {} },
    ]) {
      expect(describeError(error)).toEqual({ message: notFal, action: "retry" });
    }
  });

  it("speaks to people: no sentence names the vendor or leads with an HTTP code", () => {
    const codes = errorCodes.filter((code) => code !== "fal_key_missing");
    const messages = [
      ...codes.map((code) => describeError(apiError(500, { error: { code, message: "" } }))),
      describeError(apiError(500, { detail: "boom" })),
      describeError(apiError(502, "Bad gateway")),
      describeError(new TypeError("Failed to fetch")),
    ].map(({ message }) => message);
    for (const message of messages) {
      expect(message).not.toMatch(/\bfal\b/i);
      expect(message).not.toMatch(/HTTP|\b[45]\d\d\b/);
    }
  });
});

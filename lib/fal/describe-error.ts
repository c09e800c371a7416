import { ApiError, ValidationError } from "@fal-ai/client";
import { type ErrorCode, isErrorBody } from "@/lib/errors/error-codes";

/** What the UI shows for a failure, and the one action that may fix it. */
export type ErrorDescription = {
  message: string;
  action: "sign-in" | "retry" | "none";
};

const byCode: Record<ErrorCode, ErrorDescription> = {
  unauthenticated: {
    message: "Your session has ended. Sign in again to continue.",
    action: "sign-in",
  },
  forbidden: { message: "Your account is not allowed to generate images here.", action: "none" },
  model_not_allowed: { message: "This model is not enabled on this server.", action: "none" },
  invalid_target: {
    message: "The app asked for something the proxy does not allow.",
    action: "none",
  },
  fal_key_missing: {
    message: "The server has no fal key yet: set FAL_KEY in its environment and restart it.",
    action: "none",
  },
  upstream_unreachable: { message: "The server could not reach fal. Try again.", action: "retry" },
};

export function describeError(error: unknown): ErrorDescription {
  if (error instanceof ValidationError) {
    const details = error.fieldErrors.map((info) => `${info.loc.at(-1)}: ${info.msg}`).join("; ");
    return { message: `fal rejected the input${details ? ` (${details})` : ""}.`, action: "none" };
  }
  if (error instanceof ApiError) {
    if (isErrorBody(error.body)) {
      const known = byCode[error.body.error.code];
      // The server's message is more specific (it names the model or the account).
      return { ...known, message: error.body.error.message || known.message };
    }
    return {
      message: `fal could not complete the request (HTTP ${error.status}). Try again.`,
      action: "retry",
    };
  }
  return {
    message: "The request did not reach the server. Check your connection and try again.",
    action: "retry",
  };
}

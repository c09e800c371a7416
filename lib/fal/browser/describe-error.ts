import type { ApiError, ValidationError } from "@fal-ai/client";
import { type ErrorBody, type ErrorCode, isErrorBody } from "@/lib/errors/error-codes";

/**
 * What the UI shows for a failure, and the one action that may fix it. `detail` is for small
 * print (the HTTP status): the message never leads with a code. A message offered with a
 * retry does not say "Try again" itself: the button says it.
 */
export type ErrorDescription = {
  message: string;
  action: "sign-in" | "retry" | "none";
  detail?: string;
};

const refusedByServer = (message: string): ErrorDescription => ({ message, action: "none" });
const worthRetrying = (message: string): ErrorDescription => ({ message, action: "retry" });

// The server's message is shown when it sends one (it names the model, the account or the
// limit); these are the fallbacks, and they decide the action.
const byCode: Record<ErrorCode, ErrorDescription> = {
  unauthenticated: {
    message: "Your session has ended. Sign in again to continue.",
    action: "sign-in",
  },
  forbidden: refusedByServer("Your account is not allowed to generate images here."),
  method_not_allowed: refusedByServer("The app made a call the proxy does not allow."),
  invalid_target: refusedByServer("The app asked for something the proxy does not allow."),
  target_not_allowed: refusedByServer("The app asked for something the proxy does not allow."),
  model_not_allowed: refusedByServer("This model is not enabled on this server."),
  request_not_found: refusedByServer("This generation no longer exists, or is not yours."),
  unsupported_media_type: refusedByServer("The app sent a request the proxy does not accept."),
  payload_too_large: refusedByServer("The request is too large. Shorten the prompt."),
  invalid_body: refusedByServer("The app sent a request the proxy could not read."),
  invalid_input: refusedByServer("The server refused one of the settings."),
  unsupported_upload_type: refusedByServer("This kind of image cannot be uploaded here."),
  invalid_upload: refusedByServer("The server refused this upload's file name or details."),
  upload_limit_reached: refusedByServer("You have reached your daily upload limit."),
  rate_limited: refusedByServer("You have reached your generation limit."),
  user_budget_exhausted: refusedByServer("You have used up your budget for today."),
  app_budget_exhausted: refusedByServer("This app has used up its budget for today."),
  read_rate_limited: worthRetrying("Too many status checks at once. Wait a few seconds."),
  too_many_streams: worthRetrying("Too many generations are being watched at once."),
  fal_key_missing: refusedByServer(
    "The server has no fal key yet: set FAL_KEY in its environment and restart it.",
  ),
  store_unavailable: worthRetrying("The server cannot check its usage limits right now."),
  upstream_unreachable: worthRetrying("The model could not be reached just now."),
  upstream_timeout: worthRetrying("The model took too long to answer."),
};

type Clock = { now: Date; formatTime: (date: Date) => string };

const browserClock = (): Clock => ({
  now: new Date(),
  formatTime: (date) => date.toLocaleTimeString([], { timeStyle: "short" }),
});

/** "in 25 seconds" for a minute's limit, "at 3:42 PM" or "tomorrow at 9:05 AM" for a day's. */
export function whenToRetry(retryAt: Date, { now, formatTime }: Clock): string {
  const seconds = Math.ceil((retryAt.getTime() - now.getTime()) / 1000);
  if (seconds < 90) return seconds <= 1 ? "in a second" : `in ${seconds} seconds`;
  const tomorrow = retryAt.toDateString() !== now.toDateString();
  return `${tomorrow ? "tomorrow " : ""}at ${formatTime(retryAt)}`;
}

// Refusals that say when they lift, and how to say it.
const comesBackWith: Partial<Record<ErrorCode, (when: string) => string>> = {
  rate_limited: (when) => `Try again ${when}.`,
  read_rate_limited: (when) => `Ready again ${when}.`,
  user_budget_exhausted: (when) => `Budgets reset at midnight UTC, ${when}.`,
  app_budget_exhausted: (when) => `Budgets reset at midnight UTC, ${when}.`,
  upload_limit_reached: (when) => `You can upload again ${when}.`,
};

// The server's words are written for any client; beside a "Try again" button they need not say it.
const withoutTryAgain = (message: string) => message.replace(/\s*Try again\.?$/, "");

function describeRefusal({ error }: ErrorBody, clock: Clock): ErrorDescription {
  const known = byCode[error.code];
  const given = error.message || known.message;
  const message = known.action === "retry" ? withoutTryAgain(given) || known.message : given;
  const comesBack = comesBackWith[error.code];
  if (comesBack && error.retryAt) {
    return {
      ...known,
      message: `${message} ${comesBack(whenToRetry(new Date(error.retryAt), clock))}`,
    };
  }
  return { ...known, message };
}

// By shape, not `instanceof`: importing fal's classes would put the whole client in the
// page's first load (see lib/fal/browser/load-fal.ts). The names are set in fal's constructors.
const isApiError = (error: unknown): error is ApiError<unknown> =>
  error instanceof Error &&
  (error.name === "ApiError" || error.name === "ValidationError") &&
  typeof (error as { status?: unknown }).status === "number";
const isValidationError = (error: unknown): error is ValidationError =>
  isApiError(error) && error.name === "ValidationError";

export function describeError(error: unknown, clock = browserClock()): ErrorDescription {
  if (isValidationError(error)) {
    const details = error.fieldErrors.map((info) => `${info.loc.at(-1)}: ${info.msg}`).join("; ");
    return {
      message: `The model could not use these settings${details ? ` (${details})` : ""}.`,
      action: "none",
    };
  }
  if (isApiError(error)) return describeAnswer(error.status, error.body, clock);
  return worthRetrying("The request did not reach the server. Check your connection.");
}

/**
 * An error answer, from the proxy through fal's client or from one of the app's own routes
 * (the upload route): the server's refusal in words, or, without one, a failure at fal.
 */
export function describeAnswer(
  status: number,
  body: unknown,
  clock = browserClock(),
): ErrorDescription {
  const detail = `HTTP ${status}`;
  if (isErrorBody(body)) return { ...describeRefusal(body, clock), detail };
  return { ...worthRetrying("The model could not finish this run."), detail };
}

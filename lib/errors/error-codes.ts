/**
 * Every refusal the app makes answers `{ error: { code, message } }` with one of these codes.
 * Shared by the server (which sends them) and the browser (which turns them into messages).
 */
export const errorCodes = [
  "unauthenticated",
  "forbidden",
  "method_not_allowed",
  "invalid_target",
  "target_not_allowed",
  "model_not_allowed",
  "request_not_found",
  "unsupported_media_type",
  "payload_too_large",
  "invalid_body",
  "invalid_input",
  "unsupported_upload_type",
  "invalid_upload",
  "upload_limit_reached",
  "rate_limited",
  "user_budget_exhausted",
  "app_budget_exhausted",
  "read_rate_limited",
  "too_many_streams",
  "fal_key_missing",
  "store_unavailable",
  "upstream_unreachable",
  "upstream_timeout",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type ErrorBody = {
  error: {
    code: ErrorCode;
    message: string;
    /** With the 429s: when the caller may try again (ISO 8601), also sent as `Retry-After`. */
    retryAt?: string;
    /** With `invalid_input` and `invalid_upload`: the field that was refused, e.g. `num_images`. */
    field?: string;
  };
};

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const { error } = value as { error: unknown };
  return (
    typeof error === "object" &&
    error !== null &&
    errorCodes.includes((error as { code: ErrorCode }).code) &&
    typeof (error as { message: unknown }).message === "string"
  );
}

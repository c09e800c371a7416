/**
 * Every refusal the app makes answers `{ error: { code, message } }` with one of these codes.
 * Shared by the server (which sends them) and the browser (which turns them into messages).
 */
export const errorCodes = [
  "unauthenticated",
  "forbidden",
  "model_not_allowed",
  "invalid_target",
  "fal_key_missing",
  "upstream_unreachable",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type ErrorBody = { error: { code: ErrorCode; message: string } };

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

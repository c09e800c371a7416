import type { ErrorBody, ErrorCode } from "./error-codes";

/** A refusal the app means to send: it carries its own status and a message safe to show. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }

  toResponse(): Response {
    const body: ErrorBody = { error: { code: this.code, message: this.message } };
    return Response.json(body, { status: this.status });
  }
}

/** Anything else thrown while proxying is an upstream problem; its details stay in the server log. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) return error.toResponse();
  console.error("fal proxy: request failed", error);
  return new AppError(
    "upstream_unreachable",
    502,
    "The server could not reach fal. Try again in a moment.",
  ).toResponse();
}

import type { ErrorBody, ErrorCode } from "./error-codes";

type AppErrorExtras = {
  /** Sent as-is, e.g. `Retry-After` or `Allow`. */
  headers?: Record<string, string>;
  retryAt?: Date;
  field?: string;
};

// Next bundles the page and each route handler with their own copy of this module, while the
// proxy's stores are one per process (lib/stores/app-stores.ts): a refusal thrown by a store
// made in one bundle must still be recognised in another, so `instanceof` checks a brand
// registered process-wide rather than the class of one copy.
const appErrorBrand = Symbol.for("fal-nextjs-starter/AppError");

/** A refusal the app means to send: it carries its own status and a message safe to show. */
export class AppError extends Error {
  readonly [appErrorBrand] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && appErrorBrand in value;
  }

  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly extras: AppErrorExtras = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  toResponse(): Response {
    const body: ErrorBody = {
      error: {
        code: this.code,
        message: this.message,
        ...(this.extras.retryAt ? { retryAt: this.extras.retryAt.toISOString() } : {}),
        ...(this.extras.field ? { field: this.extras.field } : {}),
      },
    };
    return Response.json(body, { status: this.status, headers: this.extras.headers });
  }
}

/** `TypeError: fetch failed <- SocketError: other side closed (UND_ERR_SOCKET)`, for the log. */
function causeChain(error: unknown): string {
  const links: string[] = [];
  for (let link = error; link instanceof Error && links.length < 5; link = link.cause) {
    const code = (link as { code?: unknown }).code;
    links.push(`${link.name}: ${link.message}${typeof code === "string" ? ` (${code})` : ""}`);
  }
  return links.join(" <- ") || String(error);
}

/**
 * Anything else thrown while proxying is an upstream failure (a refused or dropped
 * connection): one line in the server log, and a JSON 502 without details for the caller.
 */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) return error.toResponse();
  console.error(`fal proxy: upstream request failed: ${causeChain(error)}`);
  return new AppError(
    "upstream_unreachable",
    502,
    "The model could not be reached just now. Try again in a moment.",
  ).toResponse();
}

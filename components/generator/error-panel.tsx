"use client";

import Link from "next/link";
import type { ErrorDescription } from "@/lib/fal/browser/describe-error";
import { formatDuration } from "./elapsed-time";
import { useRevealOnMount } from "./reveal";

/**
 * A failure, said once, with the one action that may fix it. It takes focus when it appears:
 * after a click on Generate or Try again, it is where the user's attention belongs.
 */
export function ErrorPanel({
  error,
  elapsedMs,
  onRetry,
}: {
  error: ErrorDescription;
  /** How long the user waited before it: a timeout's message is about one call, not the wait. */
  elapsedMs?: number;
  onRetry: () => void;
}) {
  const ref = useRevealOnMount<HTMLDivElement>();
  const smallPrint = [
    error.detail,
    // Worth saying only when the wait was long: then it is what the message leaves out.
    elapsedMs !== undefined && elapsedMs >= 5_000
      ? `after ${formatDuration(elapsedMs)}`
      : undefined,
  ].filter(Boolean);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      // The ring shows however focus came (a click on Generate too): the panel is where it went.
      className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-red-300 bg-red-50 p-4 text-red-900 focus:outline-2 focus:outline-offset-2 focus:outline-red-700 dark:border-red-900 dark:bg-red-950 dark:text-red-100 dark:focus:outline-red-300"
    >
      <div className="space-y-1">
        <p className="font-medium">{error.message}</p>
        {smallPrint.length > 0 && <p className="text-xs">{smallPrint.join(" · ")}</p>}
      </div>
      {error.action === "retry" && (
        <button type="button" className="btn-secondary min-h-11" onClick={onRetry}>
          Try again
        </button>
      )}
      {error.action === "sign-in" && (
        <Link href="/sign-in" className="btn-secondary min-h-11">
          Sign in again
        </Link>
      )}
    </div>
  );
}

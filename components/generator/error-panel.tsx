import Link from "next/link";
import type { ErrorDescription } from "@/lib/fal/browser/describe-error";

export function ErrorPanel({ error, onRetry }: { error: ErrorDescription; onRetry: () => void }) {
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
    >
      <p>{error.message}</p>
      {error.action === "retry" && (
        <button type="button" className="btn-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
      {error.action === "sign-in" && (
        <Link href="/sign-in" className="btn-secondary">
          Sign in again
        </Link>
      )}
    </div>
  );
}

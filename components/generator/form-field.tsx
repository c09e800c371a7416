import type { ReactNode } from "react";

/** A label, its control, and an optional hint or error that the control points at by id. */
export function FormField(props: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  const { id, label, hint, error, children } = props;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && (
        <p id={describedBy(id, "hint")} className="text-muted text-xs">
          {hint}
        </p>
      )}
      {error && (
        <p id={describedBy(id, "error")} className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}

export function describedBy(id: string, kind: "hint" | "error"): string {
  return `${id}-${kind}`;
}

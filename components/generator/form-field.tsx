import type { ReactNode } from "react";

/** A label, its control, and an optional hint or error that the control points at by id. */
export function FormField(props: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Where it sits in the form's grid. */
  className?: string;
  children: ReactNode;
}) {
  const { id, label, hint, error, children, className = "" } = props;
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && (
        <p id={describedBy(id, "hint")} className="text-muted line-clamp-2 text-xs">
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

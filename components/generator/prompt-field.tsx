"use client";

import type { KeyboardEvent, RefObject } from "react";
import { ExamplePrompts } from "./example-prompts";
import { promptLength } from "./prompt-limit";

type Props = {
  id: string;
  value: string;
  onChange: (prompt: string) => void;
  /** From the catalog entry: the proxy refuses anything longer, so the counter shows it. */
  maxLength: number;
  error: string | undefined;
  /** What the chosen model makes, for the empty field's hint. */
  makes: "image" | "video";
  ref: RefObject<HTMLTextAreaElement | null>;
};

/**
 * The prompt: counted against its limit, its error beside it, and examples while it is empty.
 * No `maxLength` on the field: the browser would cut a long paste silently.
 */
export function PromptField({ id, value, onChange, maxLength, error, makes, ref }: Props) {
  const hintId = `${id}-hint`;
  const counterId = `${id}-counter`;
  const errorId = `${id}-error`;
  const submitOnShortcut = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  };
  const length = promptLength(value, maxLength);
  const counterTone =
    length.over > 0
      ? "font-medium text-red-700 dark:text-red-300"
      : value.length === maxLength
        ? "text-amber-800 dark:text-amber-300"
        : "text-muted";

  return (
    <div className="space-y-2">
      <div className="space-y-1">
        <label htmlFor={id} className="text-sm font-medium">
          Prompt
        </label>
        <textarea
          id={id}
          ref={ref}
          required
          rows={3}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={submitOnShortcut}
          placeholder={`Describe the ${makes} you want`}
          className="field resize-y"
          aria-invalid={error || length.over > 0 ? true : undefined}
          aria-describedby={[error && errorId, hintId, counterId].filter(Boolean).join(" ")}
        />
        {error && (
          <p id={errorId} className="text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        )}
        <div className="flex flex-wrap justify-between gap-x-4 text-xs">
          {/* Read to screen readers everywhere; shown where there is a keyboard to use it. */}
          <p id={hintId} className="text-muted max-sm:sr-only">
            Ctrl+Enter or ⌘+Enter to generate.
          </p>
          <p id={counterId} className={`tabular-nums ${counterTone}`}>
            {length.counter}
          </p>
        </div>
      </div>
      {value.trim() === "" && (
        <ExamplePrompts
          id={`${id}-examples`}
          onPick={(prompt) => {
            onChange(prompt);
            // The example's button goes once the prompt is filled: focus goes where the text went.
            ref.current?.focus();
          }}
        />
      )}
    </div>
  );
}

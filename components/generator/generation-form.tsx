"use client";

import { type FormEvent, type KeyboardEvent, useId } from "react";
import type { ImageSize, ModelDefinition } from "@/lib/models";

export type FormValues = {
  prompt: string;
  modelId: string;
  imageSize: ImageSize;
  numImages: number;
  seed: string;
};

type Props = {
  values: FormValues;
  onChange: (values: FormValues) => void;
  onSubmit: () => void;
  models: readonly ModelDefinition[];
  imageSizes: ReadonlyArray<{ value: ImageSize; label: string }>;
  maxImages: number;
  busy: boolean;
  seedError: string | undefined;
};

export function GenerationForm(props: Props) {
  const { values, onChange, models, imageSizes, maxImages, busy, seedError } = props;
  const ids = useId();
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) =>
    onChange({ ...values, [key]: value });
  const model = models.find((entry) => entry.id === values.modelId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) props.onSubmit();
  };
  const submitOnShortcut = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  };

  return (
    <form onSubmit={submit} className="card space-y-4">
      <div className="space-y-1">
        <label htmlFor={`${ids}-prompt`} className="text-sm font-medium">
          Prompt
        </label>
        <textarea
          id={`${ids}-prompt`}
          required
          rows={3}
          value={values.prompt}
          onChange={(event) => set("prompt", event.target.value)}
          onKeyDown={submitOnShortcut}
          placeholder="A lighthouse on a cliff at dawn, oil painting"
          className="field resize-y"
          aria-describedby={`${ids}-shortcut`}
        />
        <p id={`${ids}-shortcut`} className="text-xs text-zinc-500">
          Ctrl+Enter or ⌘+Enter to generate.
        </p>
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${ids}-model`} className="text-sm font-medium">
            Model
          </label>
          <select
            id={`${ids}-model`}
            value={values.modelId}
            onChange={(event) => set("modelId", event.target.value)}
            className="field"
            aria-describedby={`${ids}-model-description`}
          >
            {models.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
          </select>
          <p id={`${ids}-model-description`} className="text-xs text-zinc-500">
            {model?.description}
          </p>
        </div>

        <div className="space-y-1">
          <label htmlFor={`${ids}-size`} className="text-sm font-medium">
            Image size
          </label>
          <select
            id={`${ids}-size`}
            value={values.imageSize}
            onChange={(event) => set("imageSize", event.target.value as ImageSize)}
            className="field"
          >
            {imageSizes.map((size) => (
              <option key={size.value} value={size.value}>
                {size.label}
              </option>
            ))}
          </select>
        </div>

        <div className="space-y-1">
          <label htmlFor={`${ids}-count`} className="text-sm font-medium">
            Number of images
          </label>
          <select
            id={`${ids}-count`}
            value={values.numImages}
            onChange={(event) => set("numImages", Number(event.target.value))}
            className="field"
          >
            {Array.from({ length: maxImages }, (_, index) => index + 1).map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>
        </div>

        <div className="space-y-1">
          <label htmlFor={`${ids}-seed`} className="text-sm font-medium">
            Seed (optional)
          </label>
          <input
            id={`${ids}-seed`}
            inputMode="numeric"
            value={values.seed}
            onChange={(event) => set("seed", event.target.value)}
            placeholder="Random"
            className="field"
            aria-invalid={seedError ? true : undefined}
            aria-describedby={seedError ? `${ids}-seed-error` : undefined}
          />
          {seedError && (
            <p id={`${ids}-seed-error`} className="text-xs text-red-600 dark:text-red-400">
              {seedError}
            </p>
          )}
        </div>
      </div>

      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy}>
        {busy ? "Generating…" : "Generate"}
      </button>
    </form>
  );
}

"use client";

import { useState } from "react";
import type { ImageSize, ModelDefinition } from "@/lib/models";
import { ErrorPanel } from "./error-panel";
import { type FormValues, GenerationForm } from "./generation-form";
import { describeProgress, ProgressPanel } from "./progress-panel";
import { ResultGrid } from "./result-grid";
import { parseSeed } from "./seed";
import { type GenerationState, useGeneration } from "./use-generation";

type Props = {
  models: readonly ModelDefinition[];
  imageSizes: ReadonlyArray<{ value: ImageSize; label: string }>;
  maxImages: number;
};

function announce(state: GenerationState): string {
  switch (state.phase) {
    case "running":
      return describeProgress(state.progress);
    case "done":
      return `Done: ${state.generation.images.length} image${state.generation.images.length === 1 ? "" : "s"}.`;
    case "cancelled":
      return "Generation cancelled.";
    default:
      return "";
  }
}

export function Generator({ models, imageSizes, maxImages }: Props) {
  const first = models[0];
  const [values, setValues] = useState<FormValues>({
    prompt: "",
    modelId: first?.id ?? "",
    imageSize: first?.defaultImageSize ?? "square_hd",
    numImages: 1,
    seed: "",
  });
  const [seedError, setSeedError] = useState<string>();
  const { state, history, generate, cancel } = useGeneration();

  // The form keeps its values through errors and cancels: retrying sends the same request.
  const submit = () => {
    const model = models.find((entry) => entry.id === values.modelId);
    const { seed, error } = parseSeed(values.seed);
    setSeedError(error);
    if (!model || error || !values.prompt.trim()) return;
    void generate(model, { ...values, seed });
  };

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Generate images</h1>
      <GenerationForm
        values={values}
        onChange={setValues}
        onSubmit={submit}
        models={models}
        imageSizes={imageSizes}
        maxImages={maxImages}
        busy={state.phase === "running"}
        seedError={seedError}
      />
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        {announce(state)}
      </p>
      {state.phase === "running" && <ProgressPanel progress={state.progress} onCancel={cancel} />}
      {state.phase === "failed" && <ErrorPanel error={state.error} onRetry={submit} />}
      <ResultGrid generations={history} />
    </div>
  );
}

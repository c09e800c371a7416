"use client";

import { useCallback, useEffect, useState } from "react";
import { HistorySection } from "@/components/history/history-section";
import { formValuesFor } from "@/components/history/reuse-settings";
import { useGenerationHistory } from "@/components/history/use-generation-history";
import { type BudgetView, budgetPath } from "@/lib/budgets/budget-view";
import { estimateCostMicroUsd } from "@/lib/catalog/cost";
import { formModelInput } from "@/lib/catalog/model-input";
import type { ModelDefinition } from "@/lib/catalog/models";
import { BudgetMeter } from "./budget-meter";
import { ErrorPanel } from "./error-panel";
import { type FormValues, GenerationForm } from "./generation-form";
import { describeProgress, ProgressPanel } from "./progress-panel";
import { ResultGrid } from "./result-grid";
import { parseSeed } from "./seed";
import { type GenerationState, useGeneration } from "./use-generation";

type Props = {
  models: readonly ModelDefinition[];
  /** Today's budgets when the page was rendered; refreshed after each generation. */
  budget: BudgetView | undefined;
  /** The server's hash of the user id: the key this browser keeps the user's history under. */
  historyKey: string;
};

// The input check (zod) is not in the page's first load: it is fetched once the page is
// interactive, as the fal client is, and a generate started before then waits for it.
const loadInputCheck = () => import("@/lib/catalog/check-model-input");

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

export function Generator({ models, budget: initialBudget, historyKey }: Props) {
  const first = models[0];
  const [values, setValues] = useState<FormValues>({
    prompt: "",
    modelId: first?.id ?? "",
    imageSize: first?.defaultImageSize ?? "square_hd",
    numImages: 1,
    seed: "",
  });
  const [seedError, setSeedError] = useState<string>();
  const [inputError, setInputError] = useState<string>();
  const [budget, setBudget] = useState(initialBudget);
  const refreshBudget = useCallback(async () => {
    const response = await fetch(budgetPath, { cache: "no-store" }).catch(() => undefined);
    if (response?.ok) setBudget((await response.json()) as BudgetView);
  }, []);
  const { state, history, generate, cancel } = useGeneration({ onSettled: refreshBudget });
  const kept = useGenerationHistory(historyKey, state); // records each finished generation
  useEffect(() => {
    loadInputCheck().catch(() => {}); // a failed load is reported by the submit that needs it
  }, []);

  const model = models.find((entry) => entry.id === values.modelId);
  const numImages = Math.min(values.numImages, model?.maxImages ?? 1);
  const estimateMicroUsd =
    model &&
    estimateCostMicroUsd(model, {
      prompt: "",
      image_size: values.imageSize,
      num_images: numImages,
    });

  // The form keeps its values through errors and cancels: retrying sends the same request.
  // Its input passes the check the proxy makes, so the proxy never refuses what the form sends.
  const submit = async () => {
    const { seed, error } = parseSeed(values.seed);
    setSeedError(error);
    if (!model || error || !values.prompt.trim()) return;
    const check = await loadInputCheck().catch(() => undefined);
    if (!check) {
      setInputError("The page could not load part of itself. Check your connection and reload.");
      return;
    }
    const checked = check.checkModelInput(
      model,
      formModelInput(model, { ...values, numImages, seed }),
    );
    setInputError(checked.ok ? undefined : checked.refusal.message);
    if (!checked.ok) return;
    kept.rememberInput(checked.input);
    void generate(model, checked.input);
  };

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Generate images</h1>
      {budget && <BudgetMeter budget={budget} />}
      <GenerationForm
        values={values}
        onChange={setValues}
        onSubmit={submit}
        models={models}
        estimateMicroUsd={estimateMicroUsd}
        busy={state.phase === "running"}
        seedError={seedError}
      />
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        {announce(state)}
      </p>
      {inputError && (
        <ErrorPanel error={{ message: inputError, action: "none" }} onRetry={submit} />
      )}
      {state.phase === "running" && <ProgressPanel progress={state.progress} onCancel={cancel} />}
      {state.phase === "failed" && <ErrorPanel error={state.error} onRetry={submit} />}
      <ResultGrid generations={history} />
      <HistorySection
        history={kept}
        models={models}
        onReuse={(entry) => setValues((current) => formValuesFor(entry, current, models))}
      />
    </div>
  );
}

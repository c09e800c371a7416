"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { type BudgetView, budgetPath } from "@/lib/budgets/budget-view";
import { estimateCostMicroUsd } from "@/lib/catalog/cost";
import { formModelInput, type GenerationRequest } from "@/lib/catalog/model-input";
import type { ModelDefinition } from "@/lib/catalog/models";
import { BudgetMeter } from "./budget-meter";
import { type FormValues, GenerationForm } from "./generation-form";
import { Outcome } from "./outcome";
import { parseSeed } from "./seed";
import { useGeneration } from "./use-generation";

type Props = {
  models: readonly ModelDefinition[];
  /** Today's budgets when the page was rendered; refreshed after each generation. */
  budget: BudgetView | undefined;
};

// The input check (zod) is not in the page's first load: it is fetched once the page is
// interactive, as the fal client is, and a generate started before then waits for it.
const loadInputCheck = () => import("@/lib/catalog/check-model-input");

const formValuesOf = (modelId: string, request: GenerationRequest): FormValues => ({
  prompt: request.prompt,
  modelId,
  imageSize: request.imageSize,
  numImages: request.numImages,
  seed: request.seed === undefined ? "" : String(request.seed),
});

export function Generator({ models, budget: initialBudget }: Props) {
  const first = models[0];
  const [values, setValues] = useState<FormValues>({
    prompt: "",
    modelId: first?.id ?? "",
    imageSize: first?.defaultImageSize ?? "square_hd",
    numImages: 1,
    seed: "",
  });
  const [promptError, setPromptError] = useState<string>();
  const [seedError, setSeedError] = useState<string>();
  const [inputError, setInputError] = useState<string>();
  const promptRef = useRef<HTMLTextAreaElement>(null);
  const [budget, setBudget] = useState(initialBudget);
  const refreshBudget = useCallback(async () => {
    const response = await fetch(budgetPath, { cache: "no-store" }).catch(() => undefined);
    if (response?.ok) setBudget((await response.json()) as BudgetView);
  }, []);
  const { state, generate, cancel } = useGeneration({
    models,
    onSettled: refreshBudget,
    // After a reload, the form shows what the resumed generation asked for.
    onResume: (model, request) => setValues(formValuesOf(model.id, request)),
  });
  useEffect(() => {
    loadInputCheck().catch(() => {}); // a failed load is reported by the submit that needs it
  }, []);
  // Cancel's button goes with the progress: focus goes back to the prompt, to change or resend.
  useEffect(() => {
    if (state.phase === "cancelled") promptRef.current?.focus();
  }, [state.phase]);

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
    const blank = values.prompt.trim() === "";
    const { seed, error } = parseSeed(values.seed);
    setPromptError(blank ? "Enter a prompt." : undefined);
    setSeedError(error);
    if (blank) promptRef.current?.focus();
    if (!model || error || blank) return;
    const check = await loadInputCheck().catch(() => undefined);
    if (!check) {
      setInputError("The page could not load part of itself. Check your connection and reload.");
      return;
    }
    const { prompt, imageSize } = values;
    const request: GenerationRequest = { prompt, imageSize, numImages, seed };
    const checked = check.checkModelInput(model, formModelInput(request));
    setInputError(checked.ok ? undefined : checked.refusal.message);
    if (checked.ok) void generate(model, request, checked.input);
  };

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Generate images</h1>
      {budget && <BudgetMeter budget={budget} />}
      <GenerationForm
        values={values}
        onChange={(next) => {
          if (next.prompt !== values.prompt) setPromptError(undefined);
          setValues(next);
        }}
        onSubmit={submit}
        models={models}
        estimateMicroUsd={estimateMicroUsd}
        busy={state.phase === "running"}
        promptError={promptError}
        seedError={seedError}
        promptRef={promptRef}
      />
      <Outcome
        state={state}
        inputError={inputError === undefined ? undefined : { message: inputError, action: "none" }}
        onCancel={cancel}
        onRetry={submit}
      />
    </div>
  );
}

"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { imageKey } from "@/components/gallery/gallery-items";
import type { GalleryHandle } from "@/components/gallery/use-viewer";
import { HistorySection } from "@/components/history/history-section";
import { requestOfRun } from "@/components/history/run-settings";
import { useFollowRuns } from "@/components/history/use-follow-runs";
import { useRuns } from "@/components/history/use-runs";
import type { ExtraMediaOrigins } from "@/lib/catalog/media-url";
import { type CatalogModel, makesVideo, takesImage } from "@/lib/catalog/model-definition";
import { formModelInput } from "@/lib/catalog/model-input";
import type { BudgetView } from "@/lib/stores/budget-view";
import type { RunView } from "@/lib/stores/run-view";
import { overBudgetReason } from "./budget-check";
import { BudgetMeter } from "./budget-meter";
import { formEstimate } from "./form-estimate";
import {
  type ChosenImage,
  type FormValues,
  formValuesOf,
  initialFormValues,
  requestOf,
} from "./form-values";
import type { GenerationState } from "./generation";
import { GenerationForm } from "./generation-form";
import { Outcome } from "./outcome";
import { promptProblem } from "./prompt-limit";
import { parseSeed } from "./seed";
import { useBudget } from "./use-budget";
import { useGeneration } from "./use-generation";
import { useImageHandOff } from "./use-image-hand-off";
import { useImageUpload } from "./use-image-upload";
import { useRunWhenReady } from "./use-run-when-ready";

type Props = {
  models: readonly CatalogModel[];
  /** Today's budgets when the page was rendered; refreshed after each generation. */
  budget: BudgetView | undefined;
  /** The user's runs when the page was rendered, newest first; undefined: the store is unreachable. */
  runs: RunView[] | undefined;
  /** Every catalog model's name by id, for the runs of models the form does not offer. */
  modelNames: Readonly<Record<string, string>>;
  /** Where an input image may live besides fal's media hosts (the emulator's origin, or none). */
  mediaOrigins: ExtraMediaOrigins;
};

/** The run this page shows as its progress or result: the history does not list it as well. */
function shownRun(state: GenerationState): string | undefined {
  if (state.phase === "done") return state.generation.requestId;
  return state.phase === "running" ? state.progress.requestId : undefined;
}

// The input check (zod) is not in the page's first load: it is fetched once the page is
// interactive, as the fal client is, and a generate started before then waits for it.
const loadInputCheck = () => import("@/lib/catalog/check-model-input");
// So is the drop zone, which only the models that take an image show.
const loadImageInput = () => import("./image-input");
const ImageInput = dynamic(() => loadImageInput().then((module) => module.ImageInput), {
  ssr: false,
});

export function Generator({
  models,
  budget: initialBudget,
  runs: initialRuns,
  modelNames,
  mediaOrigins,
}: Props) {
  const [values, setValues] = useState<FormValues>(() => initialFormValues(models));
  const [promptError, setPromptError] = useState<string>();
  const [seedError, setSeedError] = useState<string>();
  const [inputError, setInputError] = useState<string>();
  const promptRef = useRef<HTMLTextAreaElement>(null);
  const { budget, refresh: refreshBudget } = useBudget(initialBudget);
  const upload = useImageUpload();
  const runs = useRuns(initialRuns);
  const onSettled = () => {
    void refreshBudget();
    void runs.refresh();
  };
  const { state, generate, cancel, dismissError, dropResult } = useGeneration({ onSettled });
  const gallery = useRef<GalleryHandle>(null);
  const lost = useFollowRuns(
    runs.view.status === "ready" ? runs.view.runs : [],
    state.phase === "running",
    runs.refresh,
  );
  useEffect(() => {
    loadInputCheck().catch(() => {}); // a failed load is reported by the submit that needs it
    loadImageInput().catch(() => {}); // and by the drop zone, tried again when it is shown
  }, []);
  // Cancel's button goes with the progress: focus goes back to the prompt, to change or resend.
  useEffect(() => {
    if (state.phase === "cancelled") promptRef.current?.focus();
  }, [state.phase]);

  const model = models.find((entry) => entry.id === values.modelId);
  const { image } = upload;
  const chosenImage: ChosenImage =
    image.phase === "ready" ? { url: image.url, dimensions: image.dimensions } : undefined;
  const imageBusy = image.phase === "preparing" || image.phase === "uploading";
  const queued = useRunWhenReady({ image, modelId: values.modelId, start: () => void submit() });
  // Without the image's size yet, the estimate is for the largest image the proxy accepts.
  const estimate = model && formEstimate(model, values, chosenImage);
  const overBudget = estimate && overBudgetReason(estimate.totalMicroUsd, budget);

  const handOff = useImageHandOff({
    models,
    takeImage: upload.takeExisting,
    setValues,
    // This image and a new prompt, not the run that was waiting.
    reset: () => {
      queued.drop();
      setInputError(undefined);
    },
    promptRef,
  });
  const edit = handOff("image-edit");
  const animate = handOff("image-to-video");

  // The form keeps its values through errors and cancels: retrying sends the same request.
  // Its input passes the check the proxy makes, so the proxy never refuses what the form sends.
  const submit = async () => {
    const problem = model && promptProblem(values.prompt, model.maxPromptLength);
    const { seed, error } = parseSeed(values.seed);
    setPromptError(problem);
    setSeedError(error);
    if (problem) promptRef.current?.focus();
    if (!model || error || problem) return;
    if (takesImage(model) && !chosenImage) {
      // Pressed during the upload: the run starts once the image is ready, checked then.
      if (imageBusy) queued.queue();
      setInputError(
        imageBusy
          ? undefined
          : `${model.name} ${makesVideo(model) ? "animates" : "changes"} an image: choose, drop or paste one first.`,
      );
      return;
    }
    // The page's budget may be stale (another tab spent it, or midnight passed): ask again.
    const refusal = overBudget && overBudgetReason(estimate.totalMicroUsd, await refreshBudget());
    if (refusal) {
      setInputError(refusal);
      return;
    }
    const check = await loadInputCheck().catch(() => undefined);
    if (!check) {
      setInputError("The page could not load part of itself. Check your connection and reload.");
      return;
    }
    const request = requestOf(values, model, chosenImage, seed);
    const checked = check.checkModelInput(model, formModelInput(model, request), mediaOrigins);
    setInputError(checked.ok ? undefined : checked.refusal.message);
    if (checked.ok) void generate(model, request, checked.input);
  };

  return (
    // Wide screens: the form stays in view (sticky) beside the outputs, which scroll. A phone:
    // one column (that a wide child cannot widen), the prompt and Generate on the first screen.
    <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-4 sm:gap-6 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)] lg:gap-8">
      <div className="space-y-3 lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:overflow-y-auto lg:p-1">
        <h1 className="text-xl font-semibold tracking-tight sm:text-2xl">
          Generate images and video
        </h1>
        {budget && <BudgetMeter budget={budget} nextRunMicroUsd={estimate?.totalMicroUsd} />}
        <GenerationForm
          values={values}
          onChange={(next) => {
            if (next.prompt !== values.prompt) setPromptError(undefined);
            // One current message: an edited prompt or another model makes the last one stale.
            if (next.prompt !== values.prompt || next.modelId !== values.modelId) {
              setInputError(undefined);
              dismissError();
            }
            setValues(next);
          }}
          onSubmit={submit}
          models={models}
          estimate={estimate}
          overBudget={overBudget}
          busy={state.phase === "running"}
          waitingForImage={queued.waiting}
          promptError={promptError}
          seedError={seedError}
          promptRef={promptRef}
          imageInput={
            <ImageInput
              image={image}
              onChoose={upload.choose}
              onRemove={upload.remove}
              disabled={state.phase === "running"}
            />
          }
        />
      </div>
      <div className="min-w-0 space-y-6">
        <Outcome
          state={state}
          waitingForImage={queued.waiting}
          inputError={
            inputError === undefined ? undefined : { message: inputError, action: "none" }
          }
          onCancel={cancel}
          onRetry={submit}
          onEdit={edit}
          onAnimate={animate}
          onOpen={(requestId, index, opener) =>
            gallery.current?.open(imageKey(requestId, index), opener)
          }
        />
        <HistorySection
          ref={gallery}
          onDeleted={dropResult}
          onCancelled={() => void refreshBudget()}
          runs={runs}
          lost={lost}
          models={models}
          modelNames={modelNames}
          onReuse={(run, runModel) => {
            queued.drop();
            const request = requestOfRun(run, runModel, values.imageSize);
            setValues(formValuesOf(runModel, request));
            if (request.imageUrl) upload.takeExisting(request.imageUrl);
          }}
          onEdit={edit}
          onAnimate={animate}
          shown={shownRun(state)}
        />
        {/* For whoever reads this starter's code: the same proxy and client, in a few lines. */}
        <p className="text-muted text-sm">
          New to the fal client?{" "}
          <Link href="/quick" className="underline">
            One image, one call
          </Link>{" "}
          is the same proxy in a few lines.
        </p>
      </div>
    </div>
  );
}

"use client";

import { type FormEvent, type ReactNode, type RefObject, useEffect, useId, useState } from "react";
import { type ImageSize, imageSizeLabel, imageSizeNames } from "@/lib/catalog/image-sizes";
import {
  type CatalogModel,
  makesVideo,
  strengthOf,
  takesImage,
} from "@/lib/catalog/model-definition";
import { CostEstimate } from "./cost-estimate";
import type { FormEstimate } from "./form-estimate";
import { describedBy, FormField } from "./form-field";
import { type FormValues, withModel } from "./form-values";
import { ModelSelect } from "./model-select";
import { PromptField } from "./prompt-field";
import { StrengthField } from "./strength-field";
import { VideoFields } from "./video-fields";

export type { FormValues };

type Props = {
  values: FormValues;
  onChange: (values: FormValues) => void;
  onSubmit: () => void;
  models: readonly CatalogModel[];
  /** What the chosen settings will cost at most: the proxy charges this. */
  estimate: FormEstimate | undefined;
  /** Why the estimate is more than today's budgets allow: Generate will not run. */
  overBudget: string | undefined;
  busy: boolean;
  /** Generate was pressed during the upload: the run starts by itself when the image is ready. */
  waitingForImage: boolean;
  promptError: string | undefined;
  seedError: string | undefined;
  promptRef: RefObject<HTMLTextAreaElement | null>;
  /** The input image's drop zone, shown for models that take an image. */
  imageInput: ReactNode;
};

export function GenerationForm(props: Props) {
  const { values, onChange, models, estimate, overBudget, busy, waitingForImage } = props;
  const { promptError, seedError } = props;
  const ids = useId();
  // Until React has hydrated, a click would submit the form natively and reload the page,
  // losing the prompt: keep the button off until the handler is attached.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) =>
    onChange({ ...values, [key]: value });
  const model = models.find((entry) => entry.id === values.modelId);
  const strengthRange = model && strengthOf(model);
  const maxImages = model && !makesVideo(model) ? model.maxImages : 1;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy && !waitingForImage) props.onSubmit();
  };

  const field = (name: string) => `${ids}-${name}`;

  return (
    // `noValidate`: the form says what is wrong beside the field (a blank prompt too), in the
    // page's words, rather than in the browser's bubble.
    <form onSubmit={submit} noValidate className="card space-y-3 sm:space-y-4">
      <PromptField
        id={field("prompt")}
        ref={props.promptRef}
        value={values.prompt}
        onChange={(prompt) => set("prompt", prompt)}
        maxLength={model?.maxPromptLength ?? 0}
        error={promptError}
        makes={model && makesVideo(model) ? "video" : "image"}
      />

      {model && takesImage(model) && props.imageInput}

      {/* Two columns even on a phone: the short fields share a row, the long ones span it. */}
      <div className="grid grid-cols-2 gap-3 sm:gap-4">
        <FormField
          id={field("model")}
          label="Model"
          hint={model?.description}
          className="col-span-2"
        >
          <ModelSelect
            id={field("model")}
            models={models}
            value={values.modelId}
            onChange={(next) => onChange(withModel(values, next))}
            aria-describedby={describedBy(field("model"), "hint")}
          />
        </FormField>

        {model && makesVideo(model) ? (
          values.video && (
            <VideoFields
              id={field("video")}
              model={model}
              value={values.video}
              onChange={(video) => set("video", video)}
            />
          )
        ) : model && takesImage(model) ? (
          strengthRange &&
          values.strength !== undefined && (
            <StrengthField
              id={field("strength")}
              range={strengthRange}
              value={values.strength}
              onChange={(strength) => set("strength", strength)}
            />
          )
        ) : (
          <FormField id={field("size")} label="Image size" className="col-span-2">
            <select
              id={field("size")}
              value={values.imageSize}
              onChange={(event) => set("imageSize", event.target.value as ImageSize)}
              className="field"
            >
              {imageSizeNames.map((size) => (
                <option key={size} value={size}>
                  {imageSizeLabel(size)}
                </option>
              ))}
            </select>
          </FormField>
        )}

        {!(model && makesVideo(model)) && (
          <FormField id={field("count")} label="Number of images">
            <select
              id={field("count")}
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
          </FormField>
        )}

        <FormField id={field("seed")} label="Seed (optional)" error={seedError}>
          <input
            id={field("seed")}
            inputMode="numeric"
            value={values.seed}
            onChange={(event) => set("seed", event.target.value)}
            placeholder="Random"
            className="field"
            aria-invalid={seedError ? true : undefined}
            aria-describedby={seedError ? describedBy(field("seed"), "error") : undefined}
          />
        </FormField>
      </div>

      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <button
          type="submit"
          className="btn-primary w-full aria-disabled:cursor-wait sm:w-auto"
          disabled={busy || !hydrated}
          // Not `disabled`: the button keeps focus while it waits, and says why it waits or
          // why it will not run (its description: the estimate and what the budget lacks).
          aria-disabled={waitingForImage || overBudget !== undefined || undefined}
          aria-describedby={estimate === undefined ? undefined : field("cost")}
        >
          {waitingForImage ? "Waiting for the image…" : "Generate"}
        </button>
        {estimate !== undefined && (
          <CostEstimate id={field("cost")} estimate={estimate} overBudget={overBudget} />
        )}
      </div>
    </form>
  );
}

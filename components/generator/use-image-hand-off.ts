"use client";

import type { RefObject } from "react";
import type { ImageDimensions } from "@/lib/catalog/cost";
import type { CatalogModel, ModelKind } from "@/lib/catalog/model-definition";
import { type FormValues, withModel } from "./form-values";

type Options = {
  models: readonly CatalogModel[];
  /** Puts the image in the input, as an upload would, with its size when known. */
  takeImage: (url: string, dimensions?: ImageDimensions) => void;
  setValues: (change: (current: FormValues) => FormValues) => void;
  /** Clears what the form was about to do with the previous image (a queued run, an error). */
  reset: () => void;
  promptRef: RefObject<HTMLTextAreaElement | null>;
};

/**
 * "Edit this image", "Animate this image": a result (or history image) becomes the input of
 * the catalog's first model of `kind`. The proxy accepts it, as the user's own output. Undefined
 * when the catalog has no such model, so no button offers it.
 */
export function useImageHandOff(options: Options) {
  const { models, takeImage, setValues, reset, promptRef } = options;
  return (kind: ModelKind) => {
    const model = models.find((entry) => entry.kind === kind);
    if (!model) return undefined;
    return (picked: { url: string } & Partial<ImageDimensions>) => {
      const { url, width, height } = picked;
      reset();
      takeImage(url, width && height ? { width, height } : undefined);
      setValues((current) => withModel(current, model));
      // The prompt now says what to change or how it moves: selected, so typing replaces it.
      promptRef.current?.focus();
      promptRef.current?.select();
      promptRef.current?.scrollIntoView({ block: "center" });
    };
  };
}

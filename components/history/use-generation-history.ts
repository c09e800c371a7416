"use client";

import { useCallback, useEffect, useRef } from "react";
import type { GenerationState } from "@/components/generator/use-generation";
import type { ModelInput } from "@/lib/catalog/model-input";
import { entryFromGeneration } from "./entry-from-generation";
import { useHistory } from "./use-history";

/**
 * The user's history, with every generation this page finishes added to it. The generator
 * calls `rememberInput` with what it sends, so the entry keeps the settings as sent (the
 * image size is not in fal's answer).
 */
export function useGenerationHistory(userKey: string, state: GenerationState) {
  const history = useHistory(userKey);
  const sent = useRef<ModelInput | undefined>(undefined);
  const { record } = history;

  useEffect(() => {
    // Keyed by fal's request id: recording the same generation twice keeps one entry.
    if (state.phase === "done") void record(entryFromGeneration(state.generation, sent.current));
  }, [state, record]);

  const rememberInput = useCallback((input: ModelInput) => {
    sent.current = input;
  }, []);
  return { ...history, rememberInput };
}

export type GenerationHistory = ReturnType<typeof useGenerationHistory>;

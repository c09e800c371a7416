"use client";

import { useRef, useState } from "react";
import type { CatalogModel } from "@/lib/catalog/model-definition";
import type { OutputImage } from "@/lib/fal/model-output";
import type { RunView } from "@/lib/stores/run-view";
import { RunCard } from "./run-card";
import { isFollowable, promptOf, shortPrompt } from "./run-settings";
import type { Runs } from "./use-runs";

type Props = {
  runs: Runs;
  /** The runs this page could not wait on (use-follow-runs.ts). */
  lost: ReadonlySet<string>;
  /** The models the form offers: a run of one of them can be reused. */
  models: readonly CatalogModel[];
  /** Every catalog model's name by id, video models included. */
  modelNames: Readonly<Record<string, string>>;
  /** Puts the run's settings in the form; never starts a run. */
  onReuse: (run: RunView, model: CatalogModel) => void;
  /** Given, each image gets an "Edit this image" button that hands its URL over. */
  onEdit?: (image: OutputImage) => void;
};

/** The first field of the page's form: where "Same settings again" leaves the user. */
function focusForm(from: HTMLElement | null) {
  const form = from?.closest("main")?.querySelector("form");
  form?.querySelector<HTMLElement>("textarea, input, select")?.focus();
}

export function HistorySection({ runs, lost, models, modelNames, onReuse, onEdit }: Props) {
  const { view } = runs;
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const runHeadings = useRef(new Map<string, HTMLHeadingElement>());
  // Said politely to screen readers; visible too, so everyone learns what a click did.
  const [notice, setNotice] = useState("");
  const list = view.status === "ready" ? view.runs : [];

  const remove = async (run: RunView) => {
    const index = list.indexOf(run);
    const next = list[index + 1] ?? list[index - 1];
    if (!(await runs.remove(run.requestId))) {
      setNotice(`Could not delete “${shortPrompt(promptOf(run))}”: try again in a moment.`);
      return;
    }
    setNotice(`Deleted “${shortPrompt(promptOf(run))}”.`);
    // Focus stays in the list: on the run that took this one's place, else on the heading.
    const target = next ? runHeadings.current.get(next.requestId) : undefined;
    (target ?? heading.current)?.focus();
  };

  const reuse = (run: RunView, model: CatalogModel) => {
    onReuse(run, model);
    setNotice(`The settings of “${shortPrompt(promptOf(run))}” are in the form.`);
    focusForm(section.current);
  };

  return (
    <section ref={section} aria-labelledby="history-heading" className="space-y-4">
      <h2 id="history-heading" ref={heading} tabIndex={-1} className="text-xl font-semibold">
        History
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {view.status === "unavailable"
          ? "Your history could not be read just now: the server cannot reach its store. Reload in a moment."
          : "Kept by this app for your account, on every device you sign in on: your newest 100 runs, for 30 days. The images and videos stay at fal, whose links expire on fal's schedule."}
      </p>
      <p aria-live="polite" className="text-sm empty:hidden">
        {notice}
      </p>
      {view.status === "ready" && list.length === 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Nothing here yet. Each run you start is kept here, newest first.
        </p>
      )}
      {list.length > 0 && (
        <ol aria-labelledby="history-heading" className="space-y-4">
          {list.map((run) => {
            const model = models.find((candidate) => candidate.id === run.modelId);
            return (
              <li key={run.requestId}>
                <RunCard
                  run={run}
                  modelName={modelNames[run.modelId] ?? run.modelId}
                  following={isFollowable(run, Date.now()) && !lost.has(run.requestId)}
                  headingRef={(element) => {
                    if (element) runHeadings.current.set(run.requestId, element);
                    else runHeadings.current.delete(run.requestId);
                  }}
                  onReuse={model ? () => reuse(run, model) : undefined}
                  onEdit={run.status === "done" ? onEdit : undefined}
                  onDelete={() => void remove(run)}
                />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

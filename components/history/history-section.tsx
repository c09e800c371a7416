"use client";

import { useRef, useState } from "react";
import type { ModelDefinition } from "@/lib/catalog/model-definition";
import type { HistoryEntry, HistoryImage } from "@/lib/history/history-entry";
import { ClearHistoryButton } from "./clear-history-button";
import { shortPrompt } from "./describe-entry";
import { HistoryEntryCard } from "./history-entry-card";
import type { History } from "./use-history";

type Props = {
  history: History;
  models: readonly ModelDefinition[];
  /** Puts the entry's settings in the form; never starts a run. */
  onReuse: (entry: HistoryEntry) => void;
  /** Given, each image gets an "Edit this image" button that hands its URL over. */
  onEdit?: (image: HistoryImage) => void;
};

/** The first field of the page's form: where "Same settings again" leaves the user. */
function focusForm(from: HTMLElement | null) {
  const form = from?.closest("main")?.querySelector("form");
  form?.querySelector<HTMLElement>("textarea, input, select")?.focus();
}

export function HistorySection({ history, models, onReuse, onEdit }: Props) {
  const { view } = history;
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const entryHeadings = useRef(new Map<string, HTMLHeadingElement>());
  // Said politely to screen readers; visible too, so everyone learns what a click did.
  const [notice, setNotice] = useState("");
  const entries = view.status === "ready" ? view.entries : [];

  const remove = async (entry: HistoryEntry) => {
    const index = entries.indexOf(entry);
    const next = entries[index + 1] ?? entries[index - 1];
    await history.remove(entry.id);
    setNotice(`Deleted “${shortPrompt(entry.prompt)}”.`);
    // Focus stays in the list: on the entry that took this one's place, else on the heading.
    const target = next ? entryHeadings.current.get(next.id) : undefined;
    (target ?? heading.current)?.focus();
  };

  const clear = async () => {
    await history.clear();
    setNotice("History cleared.");
    heading.current?.focus();
  };

  const reuse = (entry: HistoryEntry) => {
    onReuse(entry);
    setNotice(`The settings of “${shortPrompt(entry.prompt)}” are in the form.`);
    focusForm(section.current);
  };

  return (
    <section ref={section} aria-labelledby="history-heading" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="history-heading" ref={heading} tabIndex={-1} className="text-xl font-semibold">
          History
        </h2>
        {entries.length > 0 && <ClearHistoryButton count={entries.length} onClear={clear} />}
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {view.status === "unavailable"
          ? "This browser cannot keep history (private browsing, or site storage turned off). Generating still works; results are gone after a reload."
          : "Kept in this browser for your account only: not synced to other devices."}
      </p>
      <p aria-live="polite" className="text-sm empty:hidden">
        {notice}
      </p>
      {view.status === "loading" && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading history…</p>
      )}
      {view.status === "ready" && entries.length === 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Nothing here yet. Each image you generate is kept here, newest first.
        </p>
      )}
      {entries.length > 0 && (
        <ol aria-labelledby="history-heading" className="space-y-4">
          {entries.map((entry) => {
            const model = models.find((candidate) => candidate.id === entry.model.id);
            return (
              <li key={entry.id}>
                <HistoryEntryCard
                  entry={entry}
                  modelName={model?.name ?? entry.model.name}
                  headingRef={(element) => {
                    if (element) entryHeadings.current.set(entry.id, element);
                    else entryHeadings.current.delete(entry.id);
                  }}
                  onReuse={model ? () => reuse(entry) : undefined}
                  onEdit={onEdit}
                  onDelete={() => void remove(entry)}
                />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

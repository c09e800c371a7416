"use client";

import dynamic from "next/dynamic";
import { type Ref, useMemo, useRef, useState } from "react";
import { type GalleryItem, galleryItems, itemKey } from "@/components/gallery/gallery-items";
import { type GalleryHandle, useViewer } from "@/components/gallery/use-viewer";
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
  /** Given, the viewer offers "Edit this image", which hands its URL over. */
  onEdit?: (image: OutputImage) => void;
  /** Given, the viewer offers "Animate this image". */
  onAnimate?: (image: OutputImage) => void;
  /** The run the page shows as its progress or result: shown there, so not in the list as well. */
  shown?: string;
  /** A run was deleted here: the page's result goes if it was that run's. */
  onDeleted: (requestId: string) => void;
  /** A run was cancelled here: its charge may have come back. */
  onCancelled: () => void;
  /** Opens the viewer from outside the list: the result's images step on into the history. */
  ref?: Ref<GalleryHandle>;
};

// The viewer is not in the page's first load: it loads when an output is first opened.
const GalleryViewer = dynamic(
  () => import("@/components/gallery/gallery-viewer").then((module) => module.GalleryViewer),
  { ssr: false },
);

/** The first field of the page's form: where "Same settings again" leaves the user. */
function focusForm(from: HTMLElement | null) {
  const form = from?.closest("main")?.querySelector("form");
  form?.querySelector<HTMLElement>("textarea, input, select")?.focus();
}

export function HistorySection(props: Props) {
  const { runs, lost, models, modelNames, onReuse, onEdit, onAnimate, shown } = props;
  const { onDeleted, onCancelled } = props;
  const { view } = runs;
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const runHeadings = useRef(new Map<string, HTMLHeadingElement>());
  // Said politely to screen readers; visible too, so everyone learns what a click did.
  const [notice, setNotice] = useState("");
  const all = view.status === "ready" ? view.runs : undefined;
  const list = useMemo(() => (all ?? []).filter((run) => run.requestId !== shown), [all, shown]);
  // The viewer steps through every output, the result's first: it is one sequence.
  const items = useMemo(() => galleryItems(all ?? []), [all]);
  const viewer = useViewer(items, props.ref, heading);
  const { opened } = viewer;
  const modelOf = (run: RunView) => models.find((candidate) => candidate.id === run.modelId);

  /** Deletes on the server; the notice says how it went. */
  const deleted = async (run: RunView) => {
    const what = `“${shortPrompt(promptOf(run))}”`;
    const done = await runs.remove(run.requestId);
    setNotice(done ? `Deleted ${what}.` : `Could not delete ${what}: try again in a moment.`);
    if (done) onDeleted(run.requestId);
    return done;
  };

  const remove = async (run: RunView) => {
    const index = list.indexOf(run);
    const next = list[index + 1] ?? list[index - 1];
    if (!(await deleted(run))) return;
    // Focus stays in the list: on the run that took this one's place, else on the heading.
    const target = next ? runHeadings.current.get(next.requestId) : undefined;
    (target ?? heading.current)?.focus();
  };

  // From the viewer: it moves on to the next output of another run, or closes if none is left.
  const removeShown = async (current: GalleryItem) => {
    const next = viewer.afterDeleting(current);
    if (!(await deleted(current.run))) return false;
    viewer.moveOn(next);
    return true;
  };

  const cancel = async (run: RunView) => {
    const cancelled = await runs.cancel(run);
    const what = `“${shortPrompt(promptOf(run))}”`;
    setNotice(cancelled ? `Cancelled ${what}.` : `Could not cancel ${what}: it may have finished.`);
    onCancelled();
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
          {/* The only run is the result above: the list is empty, the history is not. */}
          {all?.length
            ? "Your runs before this one will show here, newest first."
            : "Nothing here yet. Each run you start is kept here, newest first."}
        </p>
      )}
      {list.length > 0 && (
        <ol aria-labelledby="history-heading" className="space-y-4">
          {list.map((run) => {
            const model = modelOf(run);
            const following = isFollowable(run, Date.now()) && !lost.has(run.requestId);
            return (
              <li key={run.requestId}>
                <RunCard
                  run={run}
                  modelName={modelNames[run.modelId] ?? run.modelId}
                  following={following}
                  headingRef={(element) => {
                    if (element) runHeadings.current.set(run.requestId, element);
                    else runHeadings.current.delete(run.requestId);
                  }}
                  onReuse={model ? () => reuse(run, model) : undefined}
                  onOpen={(index) => viewer.open(itemKey(run, index))}
                  openerRef={(index) => viewer.openerRef(itemKey(run, index))}
                  onDelete={() => void remove(run)}
                  onCancel={following ? () => void cancel(run) : undefined}
                />
              </li>
            );
          })}
        </ol>
      )}
      {opened && (
        <GalleryViewer
          items={items}
          current={opened}
          onShow={viewer.show}
          onClose={viewer.close}
          onReuse={
            modelOf(opened.run)
              ? (run) => {
                  const model = modelOf(run);
                  if (model) reuse(run, model);
                }
              : undefined
          }
          onEdit={onEdit}
          onAnimate={onAnimate}
          onDelete={() => removeShown(opened)}
        />
      )}
    </section>
  );
}

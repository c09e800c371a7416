"use client";

import { type KeyboardEvent, useRef, useState } from "react";
import { DownloadButton, mediaFileName } from "@/components/generator/download-button";
import { imageAlt } from "@/components/generator/image-alt";
import { promptOf } from "@/components/history/run-settings";
import { CloseButton, ModalDialog } from "@/components/layout/modal-dialog";
import type { OutputImage } from "@/lib/fal/model-output";
import type { RunView } from "@/lib/stores/run-view";
import { type GalleryItem, itemBeside } from "./gallery-items";

export type ViewerActions = {
  /** Absent for a run whose model the form does not offer. */
  onReuse: ((run: RunView) => void) | undefined;
  onEdit: ((image: OutputImage) => void) | undefined;
  onAnimate: ((image: OutputImage) => void) | undefined;
  /** Deletes the run on the server, and moves the viewer on; false when it could not. */
  onDelete: (run: RunView) => Promise<boolean>;
};

type Props = ViewerActions & {
  items: readonly GalleryItem[];
  /** The item shown; the viewer moves it with previous/next. */
  current: GalleryItem;
  onShow: (item: GalleryItem) => void;
  /** `restoreFocus`: false when an action has sent focus elsewhere (the form). */
  onClose: (restoreFocus: boolean) => void;
};

/** Keys the viewer takes for itself, unless a control that uses them has focus. */
const steps: Readonly<Record<string, 1 | -1>> = { ArrowRight: 1, ArrowLeft: -1 };

export function itemAlt(item: GalleryItem): string {
  return imageAlt(promptOf(item.run), item.index, item.count);
}

/**
 * One output full size in a native modal <dialog> (focus kept inside, Escape closes), with
 * previous/next (buttons and the arrow keys) across the gallery, and what can be done with it.
 * Loaded on first open: none of it is in the page's first load.
 */
export function GalleryViewer({ items, current, onShow, onClose, ...actions }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Said of one item: moving on to another drops it.
  const [said, setSaid] = useState<{ key: string; text: string }>();
  const restoreFocus = useRef(true);

  const { run } = current;
  const setNotice = (text: string) => setSaid({ key: current.key, text });
  const notice = said?.key === current.key ? said.text : "";
  const prompt = promptOf(run);
  const position = items.findIndex((item) => item.key === current.key) + 1;
  const step = (by: 1 | -1) => {
    const next = itemBeside(items, current.key, by);
    if (next) onShow(next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    const by = steps[event.key];
    const target = event.target as HTMLElement;
    // A video's own controls and the buttons' row keep their arrows.
    if (!by || target.closest("video, input, select, textarea")) return;
    event.preventDefault();
    step(by);
  };
  const copyPrompt = async () => {
    const copied = await navigator.clipboard?.writeText(prompt).then(
      () => true,
      () => false,
    );
    setNotice(copied ? "Prompt copied." : "Could not copy: select the prompt and copy it.");
  };
  const remove = async () => {
    if (!(await actions.onDelete(run))) setNotice("Could not delete it: try again in a moment.");
  };
  /** Closes the viewer first: focus can leave a modal dialog only once it is closed. */
  const leaveWith = (action: () => void) => () => {
    restoreFocus.current = false;
    dialog.current?.close();
    action();
  };
  const handOff = (action: ((image: OutputImage) => void) | undefined) =>
    action && current.kind === "image" ? () => action(current.image) : undefined;
  const handOffs = [
    { label: "Edit this image", action: handOff(actions.onEdit) },
    { label: "Animate this image", action: handOff(actions.onAnimate) },
  ];
  const fileName = mediaFileName(run.requestId, current);
  const url = current.kind === "image" ? current.image.url : current.video.url;

  return (
    <ModalDialog
      ref={dialog}
      label="Viewer"
      onClose={() => onClose(restoreFocus.current)}
      onKeyDown={onKeyDown}
    >
      <div className="flex max-h-[96dvh] w-[96vw] max-w-6xl flex-col gap-3 rounded-xl bg-zinc-950 p-3 text-zinc-100">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm tabular-nums">
            {position} of {items.length}
          </p>
          <div className="flex gap-2">
            <button type="button" className="btn-secondary min-h-11" onClick={() => step(-1)}>
              Previous
            </button>
            <button type="button" className="btn-secondary min-h-11" onClick={() => step(1)}>
              Next
            </button>
            <CloseButton dialog={dialog} />
          </div>
        </div>
        <div className="flex min-h-0 flex-1 justify-center">
          {current.kind === "image" ? (
            // biome-ignore lint/performance/noImgElement: fal's CDN image at its own size; next/image would re-encode it through this server
            <img
              key={current.key}
              src={url}
              alt={itemAlt(current)}
              width={current.image.width}
              height={current.image.height}
              className="max-h-[65dvh] w-auto max-w-full object-contain"
            />
          ) : (
            // biome-ignore lint/a11y/useMediaCaption: fal's video models make no captions; the prompt below says what it shows
            <video
              key={current.key}
              src={url}
              controls
              playsInline
              preload="metadata"
              aria-label={`Video: ${prompt}`}
              className="max-h-[65dvh] w-full bg-black"
            />
          )}
        </div>
        <p className="line-clamp-3 text-sm break-words">{prompt}</p>
        <div className="flex flex-wrap gap-2">
          <DownloadButton url={url} fileName={fileName} />
          <button type="button" className="btn-secondary min-h-11" onClick={copyPrompt}>
            Copy prompt
          </button>
          {actions.onReuse && (
            <button
              type="button"
              className="btn-secondary min-h-11"
              onClick={leaveWith(() => actions.onReuse?.(run))}
            >
              Same settings again
            </button>
          )}
          {handOffs.map(
            ({ label, action }) =>
              action && (
                <button
                  key={label}
                  type="button"
                  className="btn-secondary min-h-11"
                  onClick={leaveWith(action)}
                >
                  {label}
                </button>
              ),
          )}
          <button type="button" className="btn-secondary min-h-11" onClick={remove}>
            Delete
          </button>
        </div>
        <p aria-live="polite" className="text-sm empty:hidden">
          {notice}
        </p>
      </div>
    </ModalDialog>
  );
}

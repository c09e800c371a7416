/**
 * What an image model was asked to draw, kept so its outputs can be served (and edited
 * again) at `/files/edits/<id>/<index>.png`: the input image's bytes and the choices that
 * shape the drawing. In memory, bounded like uploads: the oldest entries go first.
 */
import { createBoundedStore } from "./bounded-store";
import type { ImageModelKind } from "./image-models";

export type EditSpec = {
  kind: ImageModelKind;
  /** The input image as it was stored or served (PNG, JPEG, WebP or GIF). */
  source: Buffer;
  width: number;
  height: number;
  seed: number;
  numImages: number;
  strength: number;
  promptHash: string;
};

export type EditLimits = { maxEdits: number; maxTotalBytes: number };

export const defaultEditLimits: EditLimits = { maxEdits: 200, maxTotalBytes: 200 * 1024 * 1024 };

export const editPathPrefix = "/files/edits/";
const editPathPattern = /^\/files\/edits\/([0-9a-f-]{36})\/(\d)\.png$/;

export type EditStore = {
  add(spec: EditSpec): string;
  /** The spec and output index an edit path names, or undefined (unknown, evicted, malformed). */
  byPath(pathname: string): { id: string; spec: EditSpec; index: number } | undefined;
  stats(): { edits: number; totalBytes: number };
};

export function editPath(id: string, index: number): string {
  return `${editPathPrefix}${id}/${index}.png`;
}

export function createEditStore(limits: EditLimits = defaultEditLimits): EditStore {
  const { maxEdits: maxEntries, maxTotalBytes } = limits;
  const edits = createBoundedStore<EditSpec>(
    { maxEntries, maxTotalBytes },
    (spec) => spec.source.length,
  );
  return {
    add: (spec) => edits.add(spec),
    byPath(pathname) {
      const match = editPathPattern.exec(pathname);
      const id = match?.[1];
      const spec = id === undefined ? undefined : edits.get(id);
      const index = Number(match?.[2]);
      if (!id || !spec || index >= spec.numImages) return undefined;
      return { id, spec, index };
    },
    stats() {
      const { entries, totalBytes } = edits.stats();
      return { edits: entries, totalBytes };
    },
  };
}

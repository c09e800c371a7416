"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ImageDimensions } from "@/lib/catalog/cost";
import { describeError } from "@/lib/fal/browser/describe-error";
import { loadFal } from "@/lib/fal/browser/load-fal";
import { ImageInputError, shrinkImage } from "@/lib/uploads/shrink-image";

/** The image a model edits: nothing yet, on its way to fal's storage, there, or refused. */
export type InputImage =
  | { phase: "empty" }
  | { phase: "preparing" | "uploading"; name: string; previewUrl: string }
  | {
      phase: "ready";
      name: string;
      previewUrl: string;
      url: string;
      /** Known for an upload and a result; the estimate assumes the largest image without it. */
      dimensions?: ImageDimensions;
    }
  | { phase: "failed"; message: string };

const empty: InputImage = { phase: "empty" };

/**
 * Takes a file the person chose, dropped or pasted: checks it, shrinks it in the browser, and
 * uploads it with `fal.storage.upload`, which goes through this app's proxy for the upload
 * URL and then straight to fal's storage. Or takes an image fal already holds (a result).
 */
export function useImageUpload() {
  const [image, setImage] = useState<InputImage>(empty);
  // Each choice gets a number; a slow upload that finishes after another choice is ignored.
  const attempt = useRef(0);
  const preview = useRef<string | undefined>(undefined);

  const showPreview = useCallback((url: string | undefined) => {
    if (preview.current?.startsWith("blob:")) URL.revokeObjectURL(preview.current);
    preview.current = url;
  }, []);
  useEffect(() => () => showPreview(undefined), [showPreview]);

  const choose = useCallback(
    async (file: File) => {
      const current = ++attempt.current;
      const stillCurrent = () => attempt.current === current;
      try {
        const previewUrl = URL.createObjectURL(file);
        showPreview(previewUrl);
        setImage({ phase: "preparing", name: file.name, previewUrl });
        const { file: shrunk, ...dimensions } = await shrinkImage(file);
        if (!stillCurrent()) return;
        setImage({ phase: "uploading", name: file.name, previewUrl });
        const fal = await loadFal();
        const url = await fal.storage.upload(shrunk);
        if (stillCurrent()) {
          setImage({ phase: "ready", name: file.name, previewUrl, url, dimensions });
        }
      } catch (error) {
        if (!stillCurrent()) return;
        showPreview(undefined);
        const message =
          error instanceof ImageInputError ? error.message : describeError(error).message;
        setImage({ phase: "failed", message });
      }
    },
    [showPreview],
  );

  /** An image fal already stores (a result to edit): nothing to upload. */
  const takeExisting = useCallback(
    (url: string, dimensions?: ImageDimensions, name = "the generated image") => {
      attempt.current++;
      showPreview(url);
      setImage({ phase: "ready", name, previewUrl: url, url, dimensions });
    },
    [showPreview],
  );

  const remove = useCallback(() => {
    attempt.current++;
    showPreview(undefined);
    setImage(empty);
  }, [showPreview]);

  return { image, choose, takeExisting, remove };
}

"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ImageDimensions } from "@/lib/catalog/cost";
import { describeAnswer, describeError } from "@/lib/fal/browser/describe-error";
import { imageUploadPath } from "@/lib/uploads/image-upload-policy";

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

/** The server's answer to an upload: the file's URL at fal, and the size it decoded. */
type Uploaded = { url: string } & ImageDimensions;

/** A refusal written for the user: the shrink's (not an image, too large) or the upload route's. */
class UploadRefused extends Error {}

/**
 * Sends the shrunk image to this app's upload route, which decodes it, stores it at fal with
 * the server's key and answers its URL: the browser never holds a storage URL it could write
 * to again.
 */
async function upload(file: File): Promise<Uploaded> {
  const response = await fetch(imageUploadPath, {
    method: "POST",
    headers: { "content-type": file.type },
    body: file,
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new UploadRefused(describeAnswer(response.status, body).message);
  return body as Uploaded;
}

/**
 * Takes a file the person chose, dropped or pasted: checks it, shrinks it in the browser, and
 * uploads it. Or takes an image fal already holds (a result).
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
        // The shrink (decode, resize, encode) is not in the page's first load: few runs need it.
        const { ImageInputError, shrinkImage } = await import("@/lib/uploads/shrink-image");
        const { file: shrunk } = await shrinkImage(file).catch((error: unknown) => {
          throw error instanceof ImageInputError ? new UploadRefused(error.message) : error;
        });
        if (!stillCurrent()) return;
        setImage({ phase: "uploading", name: file.name, previewUrl });
        const { url, width, height } = await upload(shrunk);
        if (stillCurrent()) {
          const dimensions = { width, height };
          setImage({ phase: "ready", name: file.name, previewUrl, url, dimensions });
        }
      } catch (error) {
        if (!stillCurrent()) return;
        showPreview(undefined);
        const message =
          error instanceof UploadRefused ? error.message : describeError(error).message;
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

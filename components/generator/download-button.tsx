"use client";

import { useState } from "react";
import type { OutputVideo } from "@/lib/fal/model-output";

const extensions: Readonly<Record<string, string>> = {
  "video/mp4": "mp4",
  "video/webm": "webm",
  "video/quicktime": "mov",
};

type Output = { kind: "image"; index: number } | { kind: "video"; video: OutputVideo };

/** A saved output's name: the run's id, which image of it, and the video's own extension. */
export function mediaFileName(requestId: string, output: Output): string {
  if (output.kind === "image") return `${requestId}-${output.index + 1}.png`;
  const { video } = output;
  const fromType = video.contentType && extensions[video.contentType];
  const fromUrl = /\.(mp4|webm|mov)(?:[?#]|$)/i.exec(video.url)?.[1];
  return `${requestId}.${fromType ?? fromUrl?.toLowerCase() ?? "mp4"}`;
}

/** `<a download>` is ignored for cross-origin images, so fetch the bytes and save them. */
export function DownloadButton({ url, fileName }: { url: string; fileName: string }) {
  const [failed, setFailed] = useState(false);

  const download = async () => {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const objectUrl = URL.createObjectURL(await response.blob());
      const link = Object.assign(document.createElement("a"), {
        href: objectUrl,
        download: fileName,
      });
      link.click();
      URL.revokeObjectURL(objectUrl);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };

  return (
    <button type="button" onClick={download} className="btn-secondary min-h-11 min-w-11">
      {failed ? "Download failed, retry" : "Download"}
    </button>
  );
}

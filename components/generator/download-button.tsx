"use client";

import { useState } from "react";

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

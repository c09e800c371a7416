"use client";

import type { QueueStatus } from "@fal-ai/client";
import Link from "next/link";
import { type FormEvent, useEffect, useState } from "react";
import { imageAlt } from "@/components/generator/image-alt";
import type { TextToImageModel } from "@/lib/catalog/model-definition";
// Set up with `proxyUrl`: calls go to /api/fal/proxy, which adds the key on the server. No key here.
import { fal } from "@/lib/fal/browser/browser-client";
import { describeError } from "@/lib/fal/browser/describe-error";

const statusOf = (update: QueueStatus) =>
  update.status === "IN_QUEUE"
    ? `In queue, position ${update.queue_position + 1}`
    : `Generating… ${update.logs.at(-1)?.message ?? ""}`;

export function QuickGenerator({ model }: { model: TextToImageModel }) {
  const [status, setStatus] = useState("");
  const [image, setImage] = useState<{ url: string; alt: string }>();
  // Busy until React hydrates: a click before then would submit the form natively, reloading.
  const [busy, setBusy] = useState(true);
  useEffect(() => setBusy(false), []);

  async function generate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const prompt = String(new FormData(event.currentTarget).get("prompt"));
    setBusy(true);
    setImage(undefined);
    setStatus("Submitting…");
    try {
      // subscribe: submit to fal's queue, follow the run, fetch the result. A run may outlast
      // an HTTP request, so it waits in fal's queue, not in an open call.
      const { data } = await fal.subscribe(model.id, {
        // Only what the proxy's input policy allows; it adds the owner's fixed fields.
        input: { prompt, image_size: model.defaultImageSize, num_images: 1 },
        logs: true,
        onQueueUpdate: (update) => setStatus(statusOf(update)),
      });
      const [first] = data.images;
      if (first) setImage({ url: first.url, alt: imageAlt(prompt, 0, 1) });
      setStatus("Done.");
    } catch (refusal) {
      // The proxy refuses in JSON ({ error: { code, message } }); describeError puts it in words.
      setStatus(describeError(refusal).message);
    }
    setBusy(false);
  }

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">One image, one call</h1>
      <p className="text-muted">{model.name}, through this app&apos;s fal proxy.</p>
      <Link href="/" className="inline-block underline">
        More models, edits and history: the full generator
      </Link>
      <form onSubmit={generate} className="card space-y-3">
        <label className="block space-y-1 text-sm font-medium">
          Prompt
          <input name="prompt" required maxLength={model.maxPromptLength} className="field" />
        </label>
        <button type="submit" className="btn-primary" disabled={busy}>
          Generate
        </button>
      </form>
      <p role="status">{status}</p>
      {/* biome-ignore lint/performance/noImgElement: fal's CDN serves it; next/image would re-encode it here */}
      {image && <img src={image.url} alt={image.alt} className="w-full rounded-lg" />}
    </div>
  );
}

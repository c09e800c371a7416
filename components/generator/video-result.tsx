"use client";

import { useState } from "react";
import { makesVideo } from "@/lib/catalog/model-definition";
import { videoChoiceCost } from "@/lib/catalog/video-cost";
import type { OutputVideo } from "@/lib/fal/model-output";
import { describeVideoCost } from "./cost-estimate";
import { DownloadButton, mediaFileName } from "./download-button";
import { formatDuration } from "./elapsed-time";
import type { Generation } from "./generation";

/**
 * A finished video: the player, how long it plays, what it was charged (the proxy charges the
 * catalog's per-second price of these choices before fal runs), Open and Download. fal's
 * video models return no poster frame, so the player shows the clip's own first frame once
 * its metadata is in (`preload="metadata"`).
 */
export function VideoResult({ generation, video }: { generation: Generation; video: OutputVideo }) {
  const { model, request, seed, timings, requestId } = generation;
  const [seconds, setSeconds] = useState<number>();
  const choice = request.video;
  const charged = makesVideo(model) && choice ? videoChoiceCost(model, choice) : undefined;
  return (
    <div className="space-y-3">
      <p className="text-muted text-xs">
        {model.name} · seed <span className="font-mono">{seed}</span> ·{" "}
        {formatDuration(timings.elapsedMs)} total
      </p>
      {/* biome-ignore lint/a11y/useMediaCaption: fal's video models make no captions to show */}
      <video
        controls
        playsInline
        preload="metadata"
        src={video.url}
        aria-label={`Video: ${request.prompt}`}
        onLoadedMetadata={(event) => setSeconds(event.currentTarget.duration)}
        className="w-full rounded-lg bg-black"
      />
      <dl className="text-muted grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        <dt>Length</dt>
        <dd>
          {seconds !== undefined && Number.isFinite(seconds)
            ? `${seconds.toFixed(1)} s`
            : `${choice?.duration ?? "…"} (asked)`}
        </dd>
        {charged && (
          <>
            <dt>Charged</dt>
            <dd>{describeVideoCost(charged)}</dd>
          </>
        )}
      </dl>
      <div className="flex flex-wrap gap-2">
        <a
          href={video.url}
          target="_blank"
          rel="noopener noreferrer"
          className="btn-secondary min-h-11 min-w-11"
        >
          Open
        </a>
        <DownloadButton
          url={video.url}
          fileName={mediaFileName(requestId, { kind: "video", video })}
        />
      </div>
    </div>
  );
}

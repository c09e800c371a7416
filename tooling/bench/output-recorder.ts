/**
 * Runs in the bench's page before the page's own scripts (addInitScript): notes when each
 * output is shown, by the page's clock. An image when it fires `load`; the result's video when
 * it fires `playing`. The UI does not autoplay, so the recorder starts the result's video
 * itself, muted (which Chromium allows without a gesture), as soon as its metadata is in, and
 * notes when its clock first moves, so a clip that never really plays cannot count.
 */

export type ShownOutput = {
  kind: "image" | "video";
  /** The image's alt, the video's aria-label: both carry the prompt. */
  label: string;
  /** Date.now() at `load` (image) or `playing` (video). */
  at: number;
  /** The image's natural width; the video's duration in seconds. */
  size: number;
  /**
   * The file's first fetch, from Resource Timing: when it started and when its last byte came
   * (a cross-origin file without Timing-Allow-Origin exposes no more). Unset if the fetch had
   * not finished when the output was shown.
   */
  fileStartedAt?: number;
  fileEndedAt?: number;
  /** Date.now() at the video's `loadedmetadata`. */
  metadataAt?: number;
  /** The video's currentTime once it first moved past 0: unset until the clip advances. */
  advancedTo?: number;
  /** Why play() was refused, if it was. */
  playError?: string;
};

export type OutputRecorder = { __benchOutputs: ShownOutput[] };

/**
 * Serialised into the page by Playwright, so it may use nothing from outside its own body, and
 * names no function of its own: tsx wraps named functions in a `__name` helper the page lacks.
 */
export function recordOutputs() {
  const outputs: ShownOutput[] = [];
  const metadataAt = new WeakMap<HTMLVideoElement, number>();
  const playing = new WeakMap<HTMLVideoElement, ShownOutput>();
  // Media and load events do not bubble; capturing listeners on the document still see them.
  for (const type of ["load", "loadedmetadata", "playing", "timeupdate"]) {
    document.addEventListener(
      type,
      (event) => {
        const at = Date.now();
        const target = event.target;
        const shownNow = type === "load" || type === "playing";
        const fetched =
          shownNow && (target instanceof HTMLImageElement || target instanceof HTMLVideoElement)
            ? (performance.getEntriesByName(target.currentSrc)[0] as
                | PerformanceResourceTiming
                | undefined)
            : undefined;
        const file = fetched && {
          fileStartedAt: performance.timeOrigin + fetched.startTime,
          fileEndedAt: performance.timeOrigin + fetched.responseEnd,
        };
        if (type === "load" && target instanceof HTMLImageElement) {
          outputs.push({
            kind: "image",
            label: target.alt,
            at,
            size: target.naturalWidth,
            ...file,
          });
          return;
        }
        // Only the result's video: a history card's player is left alone.
        if (!(target instanceof HTMLVideoElement && target.closest('section[aria-label="Result"]')))
          return;
        const video = target;
        const label = video.getAttribute("aria-label") ?? "";
        if (type === "loadedmetadata") {
          metadataAt.set(video, at);
          video.muted = true;
          video.play().catch((error: unknown) => {
            outputs.push({
              kind: "video",
              label,
              at: Number.NaN,
              size: 0,
              playError: String(error),
            });
          });
        } else if (type === "playing" && !playing.has(video)) {
          const shown: ShownOutput = {
            kind: "video",
            label,
            at,
            size: video.duration,
            metadataAt: metadataAt.get(video),
            ...file,
          };
          playing.set(video, shown);
          outputs.push(shown);
        } else if (type === "timeupdate") {
          const shown = playing.get(video);
          if (shown && shown.advancedTo === undefined && video.currentTime > 0)
            shown.advancedTo = video.currentTime;
        }
      },
      true,
    );
  }
  // Last, so a recorder that failed to start leaves no array and the bench's wait fails at once.
  (window as unknown as OutputRecorder).__benchOutputs = outputs;
}

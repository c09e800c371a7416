/**
 * What a video model was asked to make, kept so its clip can be served at
 * `/files/videos/<id>/output.webm` (encoded once the run is watched, queue-routes.ts): the choices that
 * shape it and, for image-to-video, the input image's bytes. In memory, bounded like edits: the
 * oldest entries go first.
 */
import { createBoundedStore } from "./bounded-store";

export type VideoSpec = {
  promptHash: string;
  seed: number;
  seconds: number;
  width: number;
  height: number;
  audio: boolean;
  /** Image-to-video: the input image as it was stored or served. */
  source?: Buffer;
};

export type VideoLimits = { maxVideos: number; maxTotalBytes: number };

export const defaultVideoLimits: VideoLimits = { maxVideos: 200, maxTotalBytes: 200 * 1024 * 1024 };

export const videoContentType = "video/webm";

const videoPathPattern = /^\/files\/videos\/([0-9a-f-]{36})\/output\.webm$/;

export function videoPath(id: string): string {
  return `/files/videos/${id}/output.webm`;
}

export type VideoStore = {
  add(spec: VideoSpec): string;
  /** The spec a video path names, or undefined (unknown, evicted, malformed). */
  byPath(pathname: string): VideoSpec | undefined;
  stats(): { videos: number; totalBytes: number };
};

export function createVideoStore(limits: VideoLimits = defaultVideoLimits): VideoStore {
  const { maxVideos: maxEntries, maxTotalBytes } = limits;
  const bytesOf = (spec: VideoSpec) => spec.source?.length ?? 0;
  const videos = createBoundedStore<VideoSpec>({ maxEntries, maxTotalBytes }, bytesOf);
  return {
    add: (spec) => videos.add(spec),
    byPath(pathname) {
      const id = videoPathPattern.exec(pathname)?.[1];
      return id === undefined ? undefined : videos.get(id);
    },
    stats() {
      const { entries, totalBytes } = videos.stats();
      return { videos: entries, totalBytes };
    },
  };
}

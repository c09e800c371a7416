/**
 * The frames of an emulated clip, as raw RGB for ffmpeg (video-render.ts). From words: a
 * gradient whose colours drift, with three discs gliding across it, all chosen by the prompt
 * and seed. From an image: the input image, cropped to the clip's proportions, slowly zoomed
 * and panned, tinted by a colour from the prompt and seed; so two inputs give two clips.
 */
import { createHash } from "node:crypto";
import type { DecodedImage } from "./decode-image";

/** Low, so an 8 s clip is a few dozen frames and is made in well under a second. */
export const framesPerSecond = 8;

export type FrameSpec = {
  width: number;
  height: number;
  promptHash: string;
  seed: number;
  frames: number;
};

type Rgb = [number, number, number];

function bytesOf(spec: FrameSpec): Buffer {
  return createHash("sha256").update(`video:${spec.promptHash}:${spec.seed}`).digest();
}

const colorAt = (bytes: Buffer, offset: number): Rgb => [
  bytes[offset % 32] ?? 0,
  bytes[(offset + 1) % 32] ?? 0,
  bytes[(offset + 2) % 32] ?? 0,
];

const mix = (a: number, b: number, t: number) => Math.round(a + (b - a) * t);

/** Frame `index` of a clip made from words. */
export function textFrame(spec: FrameSpec, index: number): Buffer {
  const { width, height } = spec;
  const bytes = bytesOf(spec);
  const t = spec.frames > 1 ? index / (spec.frames - 1) : 0;
  const top = colorAt(bytes, 0);
  const bottom = colorAt(bytes, 3);
  const drift = colorAt(bytes, 24);
  const discs = [0, 1, 2].map((k) => {
    const base = 6 + k * 6;
    const from = [(bytes[base] ?? 0) / 255, (bytes[base + 1] ?? 0) / 255];
    const speed = 0.3 + ((bytes[base + 2] ?? 0) / 255) * 0.7;
    // Glides along a line, wrapping at the edges, so every frame differs from the last.
    const x = (((from[0] ?? 0) + speed * t) % 1) * width;
    const y = (((from[1] ?? 0) + speed * t * 0.5) % 1) * height;
    return { x, y, r: Math.min(width, height) * 0.18, color: colorAt(bytes, base + 3) };
  });
  const frame = Buffer.alloc(width * height * 3);
  // Row by row, span by span: a pixel-by-pixel loop would be most of a clip's making.
  for (let y = 0; y < height; y++) {
    const v = height > 1 ? y / (height - 1) : 0;
    const sky = [0, 1, 2].map((c) =>
      mix(mix(top[c] ?? 0, bottom[c] ?? 0, v), drift[c] ?? 0, t * 0.5),
    ) as Rgb;
    fillSpan(frame, y * width, 0, width, sky);
    for (const disc of discs) {
      const dy = y + 0.5 - disc.y;
      if (Math.abs(dy) >= disc.r) continue;
      const half = Math.sqrt(disc.r * disc.r - dy * dy);
      const from = Math.max(0, Math.round(disc.x - half));
      fillSpan(frame, y * width, from, Math.min(width, Math.round(disc.x + half)), disc.color);
    }
  }
  return frame;
}

function fillSpan(frame: Buffer, rowStart: number, from: number, to: number, color: Rgb) {
  for (let x = from; x < to; x++) {
    const i = (rowStart + x) * 3;
    frame[i] = color[0];
    frame[i + 1] = color[1];
    frame[i + 2] = color[2];
  }
}

/** Frame `index` of a clip made from `source`: a slow zoom and pan over it, tinted. */
export function imageFrame(spec: FrameSpec, source: DecodedImage, index: number): Buffer {
  const { width, height } = spec;
  const bytes = bytesOf(spec);
  const t = spec.frames > 1 ? index / (spec.frames - 1) : 0;
  const tint = colorAt(bytes, 0);
  // The largest window of the source in the clip's proportions (cover), shrunk as it zooms.
  const cover = Math.min(source.width / width, source.height / height);
  const zoom = 1 + 0.25 * t;
  const windowW = (width * cover) / zoom;
  const windowH = (height * cover) / zoom;
  const panX = ((bytes[3] ?? 0) / 255 - 0.5) * t;
  const left = (source.width - windowW) / 2 + panX * (source.width - windowW);
  const topEdge = (source.height - windowH) / 2;
  const frame = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(source.height - 1, Math.floor(topEdge + ((y + 0.5) * windowH) / height));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(source.width - 1, Math.floor(left + ((x + 0.5) * windowW) / width));
      const from = (Math.max(0, sy) * source.width + Math.max(0, sx)) * 4;
      const i = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        frame[i + c] = mix(source.rgba[from + c] ?? 0, tint[c] ?? 0, 0.25);
      }
    }
  }
  return frame;
}

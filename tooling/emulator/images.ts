/**
 * Deterministic placeholder images. Everything needed to draw an image lives in its URL,
 * so the emulator can serve it on demand without remembering anything per request.
 */
import { createHash } from "node:crypto";
import { PNG } from "pngjs";
import { maxImages, maxSide, minSide } from "./model-input";

export type ImageSpec = {
  width: number;
  height: number;
  seed: number;
  index: number;
  /** First 32 hex chars of sha256(prompt): enough to tell prompts apart, short in a URL. */
  promptHash: string;
};

export const imagePathPrefix = "/files/images/";
const imagePathPattern =
  /^\/files\/images\/(\d{1,4})x(\d{1,4})\/(-?\d{1,16})\/(\d)\/([0-9a-f]{32})\.png$/;

export function hashPrompt(prompt: string): string {
  return createHash("sha256").update(prompt).digest("hex").slice(0, 32);
}

export function imagePath(spec: ImageSpec): string {
  const { width, height, seed, index, promptHash } = spec;
  return `${imagePathPrefix}${width}x${height}/${seed}/${index}/${promptHash}.png`;
}

/** Parses an image path; null for anything the generator would not have produced. */
export function parseImagePath(pathname: string): ImageSpec | null {
  const match = imagePathPattern.exec(pathname);
  if (!match) return null;
  const [, widthText, heightText, seedText, indexText, promptHash] = match;
  const width = Number(widthText);
  const height = Number(heightText);
  const seed = Number(seedText);
  const index = Number(indexText);
  const sideOk = (side: number) => side >= minSide && side <= maxSide;
  if (!sideOk(width) || !sideOk(height) || !Number.isSafeInteger(seed)) return null;
  if (index >= maxImages || promptHash === undefined) return null;
  return { width, height, seed, index, promptHash };
}

type Rgb = [number, number, number];

type Circle = {
  cx: number;
  cy: number;
  r: number;
  color: Rgb;
};

/** A byte stream derived from the spec, so every visual choice is reproducible. */
function seedBytes(spec: ImageSpec): Buffer {
  return createHash("sha256").update(`${spec.promptHash}:${spec.seed}:${spec.index}`).digest();
}

function colorAt(bytes: Buffer, offset: number): Rgb {
  return [bytes[offset] ?? 0, bytes[offset + 1] ?? 0, bytes[offset + 2] ?? 0];
}

function circlesFrom(bytes: Buffer, width: number, height: number): Circle[] {
  const circles: Circle[] = [];
  const shortSide = Math.min(width, height);
  for (let k = 0; k < 3; k++) {
    const base = 6 + k * 6;
    circles.push({
      cx: ((bytes[base] ?? 0) / 255) * width,
      cy: ((bytes[base + 1] ?? 0) / 255) * height,
      r: shortSide * (0.12 + ((bytes[base + 2] ?? 0) / 255) * 0.25),
      color: colorAt(bytes, base + 3),
    });
  }
  return circles;
}

/** A vertical gradient with three solid discs; each row is filled span by span. */
export function renderPng(spec: ImageSpec): Buffer {
  const { width, height } = spec;
  const bytes = seedBytes(spec);
  const top = colorAt(bytes, 0);
  const bottom = colorAt(bytes, 3);
  const circles = circlesFrom(bytes, width, height);
  const png = new PNG({ width, height, colorType: 2, inputHasAlpha: true });
  const data = png.data;
  for (let y = 0; y < height; y++) {
    const t = height > 1 ? y / (height - 1) : 0;
    const rowStart = y * width * 4;
    const r = Math.round(top[0] + (bottom[0] - top[0]) * t);
    const g = Math.round(top[1] + (bottom[1] - top[1]) * t);
    const b = Math.round(top[2] + (bottom[2] - top[2]) * t);
    fillSpan(data, rowStart, 0, width, [r, g, b]);
    for (const circle of circles) {
      const dy = y + 0.5 - circle.cy;
      if (Math.abs(dy) >= circle.r) continue;
      const half = Math.sqrt(circle.r * circle.r - dy * dy);
      const from = Math.max(0, Math.round(circle.cx - half));
      const to = Math.min(width, Math.round(circle.cx + half));
      fillSpan(data, rowStart, from, to, circle.color);
    }
  }
  // Sub filter and a middling deflate level keep a 1024² image well under a second.
  return PNG.sync.write(png, { colorType: 2, deflateLevel: 4, filterType: 1 });
}

function fillSpan(data: Buffer, rowStart: number, from: number, to: number, color: Rgb): void {
  for (let x = from; x < to; x++) {
    const i = rowStart + x * 4;
    data[i] = color[0];
    data[i + 1] = color[1];
    data[i + 2] = color[2];
    data[i + 3] = 255;
  }
}

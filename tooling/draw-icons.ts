/**
 * `npx tsx tooling/draw-icons.ts`: draws the app's icon once, from one set of shapes, as the
 * three files Next.js serves from app/: icon.svg (tabs), favicon.ico (what browsers and
 * crawlers ask for at /favicon.ico) and apple-icon.png (home screens). Change the shapes or the
 * colour here and run it again; the files are committed, so the app needs nothing at build.
 */
import { writeFileSync } from "node:fs";
import { PNG } from "pngjs";

/** The app's accent colour (globals.css `--color-accent`, oklch(0.55 0.22 285)) in sRGB. */
const background = [0x6c, 0x50, 0xe9] as const;
const foreground = [0xff, 0xff, 0xff] as const;
/** In a unit square: a rounded tile, a sun and two mountains, the outline of a picture. */
const cornerRadius = 0.22;
const sun = { x: 0.67, y: 0.33, r: 0.11 };
const mountains: readonly (readonly [number, number])[] = [
  [0.16, 0.8],
  [0.4, 0.43],
  [0.56, 0.64],
  [0.66, 0.52],
  [0.84, 0.8],
];

function insideTile(x: number, y: number): boolean {
  const dx = Math.max(cornerRadius - x, 0, x - (1 - cornerRadius));
  const dy = Math.max(cornerRadius - y, 0, y - (1 - cornerRadius));
  return dx * dx + dy * dy <= cornerRadius * cornerRadius;
}

function insidePolygon(x: number, y: number, points: typeof mountains): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i] ?? [0, 0];
    const [xj, yj] = points[j] ?? [0, 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function colourAt(
  x: number,
  y: number,
  rounded: boolean,
): readonly [number, number, number, number] {
  if (rounded && !insideTile(x, y)) return [0, 0, 0, 0];
  const onGlyph = Math.hypot(x - sun.x, y - sun.y) <= sun.r || insidePolygon(x, y, mountains);
  return [...(onGlyph ? foreground : background), 255];
}

/** A PNG of the icon at `size` pixels, each pixel averaged from 4 × 4 samples (smooth edges). */
function drawPng(size: number, { rounded = true } = {}): Buffer {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
            rounded,
          );
          const alpha = colour[3] / 255;
          for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (colour[c] ?? 0) * alpha;
          sum[3] = (sum[3] ?? 0) + colour[3];
        }
      }
      const coverage = (sum[3] ?? 0) / 255;
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c++)
        png.data[offset + c] = coverage ? Math.round((sum[c] ?? 0) / coverage) : 0;
      png.data[offset + 3] = Math.round((sum[3] ?? 0) / (samples * samples));
    }
  }
  return PNG.sync.write(png);
}

/** An .ico holding PNGs (every browser since 2007 reads them): a header, a directory, the images. */
function icoOf(sizes: readonly number[]): Buffer {
  const images = sizes.map((size) => drawPng(size));
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((image, index) => {
    const entry = 6 + 16 * index;
    const size = sizes[index] ?? 0;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(image.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += image.length;
  });
  return Buffer.concat([header, ...images]);
}

const hex = (rgb: readonly number[]) =>
  `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <title>App icon</title>
  <rect width="100" height="100" rx="${cornerRadius * 100}" fill="${hex(background)}"/>
  <circle cx="${sun.x * 100}" cy="${sun.y * 100}" r="${sun.r * 100}" fill="${hex(foreground)}"/>
  <path d="M${mountains.map(([x, y]) => `${Math.round(x * 100)} ${Math.round(y * 100)}`).join("L")}Z" fill="${hex(foreground)}"/>
</svg>
`;

writeFileSync("app/icon.svg", svg);
writeFileSync("app/favicon.ico", icoOf([16, 32, 48]));
// Home screens draw their own rounded corners and show transparency as black: a full square.
writeFileSync("app/apple-icon.png", drawPng(180, { rounded: false }));
console.log("[draw-icons] wrote app/icon.svg, app/favicon.ico and app/apple-icon.png");

import { PNG } from "pngjs";

/** A PNG of `width` × `height`: a left-to-right ramp from `from` to `to` (RGB). */
export function pngBytes(
  width: number,
  height: number,
  from: [number, number, number] = [200, 40, 40],
  to: [number, number, number] = [40, 40, 200],
): Buffer {
  const png = new PNG({ width, height });
  for (let x = 0; x < width; x++) {
    const t = width === 1 ? 0 : x / (width - 1);
    const pixel = from.map((channel, index) =>
      Math.round(channel + ((to[index] ?? 0) - channel) * t),
    );
    for (let y = 0; y < height; y++) {
      const offset = (y * width + x) * 4;
      png.data.set([...pixel, 255], offset);
    }
  }
  return PNG.sync.write(png);
}

/** A PNG file for `setInputFiles`: `pngBytes` under a name. */
export function pngFile(
  name: string,
  width: number,
  height: number,
  from?: [number, number, number],
) {
  return { name, mimeType: "image/png", buffer: pngBytes(width, height, from) };
}

/**
 * An opaque PNG of random pixels, the same on every run: no encoder can make it small, so at
 * 2048 × 2048 it stays over 12 MB, like the worst of photos re-encoded as PNG.
 */
export function noisePngBytes(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  let state = 0x9e3779b9; // xorshift32: reproducible, and fast over millions of bytes
  for (let offset = 0; offset < png.data.length; offset += 4) {
    for (let channel = 0; channel < 3; channel++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      png.data[offset + channel] = state & 0xff;
    }
    png.data[offset + 3] = 255;
  }
  // Random bytes do not compress: the fastest deflate makes the same size sooner.
  return PNG.sync.write(png, { colorType: 2, deflateLevel: 1 });
}

/** Width and height of PNG bytes, as fal's storage holds them. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const { width, height } = PNG.sync.read(bytes);
  return { width, height };
}

/** The smallest GIF: a real image, of a type the app does not take. */
export const gifBytes = Buffer.from("R0lGODlhAQABAAAAACwAAAAAAQABAAACAkQBADs=", "base64");

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

/** Width and height of PNG bytes, as fal's storage holds them. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const { width, height } = PNG.sync.read(bytes);
  return { width, height };
}

/** The smallest GIF: a real image, of a type the app does not take. */
export const gifBytes = Buffer.from("R0lGODlhAQABAAAAACwAAAAAAQABAAACAkQBADs=", "base64");

/**
 * Recently drawn files (generated images, edits and videos), so a page showing one twice
 * draws it once. Bounded by count: a video is a few tens of KB, a PNG at most a few MB.
 */

const defaultSize = 16;

export type RenderCache = {
  /** The PNG under `key`, drawn by `draw` unless it is kept or already being drawn. */
  get(key: string, draw: () => Buffer | Promise<Buffer>): Promise<Buffer>;
};

export function createRenderCache(size = defaultSize): RenderCache {
  // Promises, not buffers: requests arriving while an image is drawn share that one drawing.
  const entries = new Map<string, Promise<Buffer>>();
  return {
    get(key, draw) {
      const hit = entries.get(key);
      if (hit) return hit;
      const png = Promise.resolve().then(draw);
      entries.set(key, png);
      // A failed drawing is not kept: the next request draws again.
      png.catch(() => {
        if (entries.get(key) === png) entries.delete(key);
      });
      const oldest = entries.keys().next().value;
      if (entries.size > size && oldest !== undefined) entries.delete(oldest);
      return png;
    },
  };
}

import { describe, expect, it } from "vitest";
import { createEditStore, type EditSpec, editPath } from "./edits";

const spec = (bytes: number, numImages = 2): EditSpec => ({
  kind: "edit",
  source: Buffer.alloc(bytes),
  width: 64,
  height: 64,
  seed: 1,
  numImages,
  strength: 0.5,
  promptHash: "0".repeat(32),
});

describe("createEditStore", () => {
  it("finds an edit's outputs by path, and nothing past its image count", () => {
    const store = createEditStore();
    const id = store.add(spec(10));
    expect(store.byPath(editPath(id, 1))).toMatchObject({ id, index: 1 });
    expect(store.byPath(editPath(id, 2))).toBeUndefined();
    expect(store.byPath(`/files/edits/${id}/0.jpg`)).toBeUndefined();
    expect(store.byPath("/files/edits/not-an-id/0.png")).toBeUndefined();
  });

  it("forgets the oldest edits to stay within count and bytes", () => {
    const store = createEditStore({ maxEdits: 2, maxTotalBytes: 25 });
    const [a, b, c] = [store.add(spec(10)), store.add(spec(10)), store.add(spec(10))];
    expect(store.byPath(editPath(a, 0))).toBeUndefined();
    expect(store.byPath(editPath(b, 0))).toBeDefined();
    expect(store.byPath(editPath(c, 0))).toBeDefined();
    expect(store.stats()).toEqual({ edits: 2, totalBytes: 20 });
    const big = store.add(spec(25));
    expect(store.stats()).toEqual({ edits: 1, totalBytes: 25 });
    expect(store.byPath(editPath(big, 0))).toBeDefined();
  });
});

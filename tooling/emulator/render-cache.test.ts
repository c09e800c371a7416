import { describe, expect, it } from "vitest";
import { createRenderCache } from "./render-cache";

const png = (text: string) => Buffer.from(text);

describe("createRenderCache", () => {
  it("draws a key once, even for requests that arrive while it is being drawn", async () => {
    const cache = createRenderCache();
    let draws = 0;
    const draw = async () => {
      draws += 1;
      return png("a");
    };
    const [first, second] = await Promise.all([cache.get("a", draw), cache.get("a", draw)]);
    expect([first.toString(), second.toString(), draws]).toEqual(["a", "a", 1]);
    await cache.get("a", draw);
    expect(draws).toBe(1);
  });

  it("keeps no failed drawing: the next request draws again", async () => {
    const cache = createRenderCache();
    await expect(
      cache.get("a", () => {
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    expect((await cache.get("a", () => png("drawn"))).toString()).toBe("drawn");
  });

  it("keeps at most its size, forgetting the oldest first", async () => {
    const cache = createRenderCache(2);
    const drawn: string[] = [];
    const get = (key: string) =>
      cache.get(key, () => {
        drawn.push(key);
        return png(key);
      });
    for (const key of ["a", "b", "c", "b", "a"]) await get(key);
    expect(drawn).toEqual(["a", "b", "c", "a"]);
  });
});

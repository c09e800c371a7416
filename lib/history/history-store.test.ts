import { IDBFactory } from "fake-indexeddb";
import { createStore, set } from "idb-keyval";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { HistoryEntry } from "./history-entry";
import {
  HistoryUnavailableError,
  historyDatabaseName,
  historyLimit,
  historyStoreName,
  openHistoryStore,
} from "./history-store";

const alice = "a".repeat(64);
const bob = "b".repeat(64);

function entry(id: string, finishedAt: number, prompt = `prompt ${id}`): HistoryEntry {
  return {
    version: 1,
    id,
    finishedAt,
    prompt,
    model: { id: "fal-ai/flux/schnell", name: "FLUX.1 [schnell]" },
    settings: { imageSize: "square", numImages: 1, seed: 42 },
    images: [{ url: `https://v3.fal.media/files/${id}.png`, width: 512, height: 512 }],
    timings: { elapsedMs: 1_200, inferenceSeconds: 0.4 },
  };
}

const ids = (entries: HistoryEntry[]) => entries.map((item) => item.id);

beforeEach(() => {
  // A new, empty IndexedDB for every test, as a fresh browser profile has.
  vi.stubGlobal("indexedDB", new IDBFactory());
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("openHistoryStore", () => {
  it("lists entries newest first, whatever order they were added in", async () => {
    const history = openHistoryStore(alice);
    await history.add(entry("middle", 2_000));
    await history.add(entry("newest", 3_000));
    await history.add(entry("oldest", 1_000));
    expect(ids(await history.list())).toEqual(["newest", "middle", "oldest"]);
    expect((await history.list())[0]).toEqual(entry("newest", 3_000));
  });

  it("keeps each user's entries apart: one user never lists another's", async () => {
    await openHistoryStore(alice).add(entry("alices", 1_000, "Alice's lighthouse"));
    await openHistoryStore(bob).add(entry("bobs", 2_000, "Bob's fox"));

    expect(ids(await openHistoryStore(alice).list())).toEqual(["alices"]);
    expect(ids(await openHistoryStore(bob).list())).toEqual(["bobs"]);

    await openHistoryStore(bob).clear();
    expect(ids(await openHistoryStore(alice).list())).toEqual(["alices"]);
    expect(await openHistoryStore(bob).list()).toEqual([]);
  });

  it("finds the same entries when opened again, as after a reload", async () => {
    await openHistoryStore(alice).add(entry("kept", 1_000));
    expect(ids(await openHistoryStore(alice).list())).toEqual(["kept"]);
  });

  it(`keeps at most ${historyLimit} entries, dropping the oldest`, async () => {
    const history = openHistoryStore(alice);
    for (let index = 1; index <= historyLimit + 2; index++) {
      await history.add(entry(`run-${index}`, index * 1_000));
    }
    const kept = await history.list();
    expect(kept).toHaveLength(historyLimit);
    expect(kept[0]?.id).toBe(`run-${historyLimit + 2}`);
    expect(kept.at(-1)?.id).toBe("run-3");
  });

  it("replaces an entry added twice instead of listing it twice", async () => {
    const history = openHistoryStore(alice);
    await history.add(entry("same", 1_000, "first"));
    await history.add(entry("same", 1_000, "second"));
    expect((await history.list()).map((item) => item.prompt)).toEqual(["second"]);
  });

  it("deletes one entry and leaves the others", async () => {
    const history = openHistoryStore(alice);
    await history.add(entry("keep", 1_000));
    await history.add(entry("drop", 2_000));
    await history.remove("drop");
    expect(ids(await history.list())).toEqual(["keep"]);
    expect(ids(await openHistoryStore(alice).list())).toEqual(["keep"]);
  });

  it("clears every record of the user, readable or not", async () => {
    const history = openHistoryStore(alice);
    await history.add(entry("one", 1_000));
    await history.add(entry("two", 2_000));
    const raw = createStore(historyDatabaseName(alice), historyStoreName);
    await set("junk", "not an entry", raw);
    await history.clear();
    expect(await history.list()).toEqual([]);
    await history.add(entry("three", 3_000));
    expect(ids(await history.list())).toEqual(["three"]);
  });

  it("skips corrupt, old-shaped and unsafe records without failing the list", async () => {
    const history = openHistoryStore(alice);
    await history.add(entry("good", 1_000));
    const raw = createStore(historyDatabaseName(alice), historyStoreName);
    const good = entry("x", 2_000);
    const records: [string, unknown][] = [
      ["null", null],
      ["text", "not an entry"],
      ["version-0", { ...entry("version-0", 2_000), version: 0 }],
      ["no-images", { ...entry("no-images", 2_000), images: [] }],
      [
        "script-url",
        { ...good, id: "script-url", images: [{ ...good.images[0], url: "javascript:alert(1)" }] },
      ],
      [
        "data-url",
        {
          ...good,
          id: "data-url",
          images: [{ ...good.images[0], url: "data:image/png;base64,AA" }],
        },
      ],
      ["bad-seed", { ...good, id: "bad-seed", settings: { ...good.settings, seed: -1 } }],
      ["not-its-key", entry("another-id", 2_000)],
    ];
    for (const [key, value] of records) await set(key, value, raw);

    expect(ids(await history.list())).toEqual(["good"]);
  });

  it("keeps unknown extra fields out of what it returns", async () => {
    const history = openHistoryStore(alice);
    const raw = createStore(historyDatabaseName(alice), historyStoreName);
    await set("extra", { ...entry("extra", 1_000), secret: "x" }, raw);
    expect(await history.list()).toEqual([entry("extra", 1_000)]);
  });

  it("refuses a user key that is not the server's hash", () => {
    expect(() => openHistoryStore("oidc:demo-user")).toThrow(/64 hex digits/);
  });

  it("says history is unavailable where the browser has no IndexedDB", () => {
    vi.stubGlobal("indexedDB", undefined);
    expect(() => openHistoryStore(alice)).toThrow(HistoryUnavailableError);
  });

  it("says history is unavailable when the browser refuses to open the database", async () => {
    const refusing = new IDBFactory();
    refusing.open = () => {
      throw new DOMException("The operation is insecure.", "SecurityError");
    };
    vi.stubGlobal("indexedDB", refusing);
    const history = openHistoryStore(alice);
    await expect(history.list()).rejects.toThrow(HistoryUnavailableError);
    await expect(history.add(entry("lost", 1_000))).rejects.toThrow(HistoryUnavailableError);
  });
});

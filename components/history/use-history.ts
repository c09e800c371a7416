"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { HistoryEntry } from "@/lib/history/history-entry";
import type { HistoryStore } from "@/lib/history/history-store";

// The store (IndexedDB, and zod to check what it reads) is not in the page's first load: it is
// fetched once the page is interactive, as the fal client and the input check are.
const loadHistoryStore = () => import("@/lib/history/history-store");

export type HistoryView =
  | { status: "loading" }
  | { status: "ready"; entries: HistoryEntry[] }
  /** No IndexedDB, or the browser refused it (some private modes): generating still works. */
  | { status: "unavailable" };

export type History = {
  view: HistoryView;
  record: (entry: HistoryEntry) => Promise<void>;
  remove: (id: string) => Promise<void>;
  clear: () => Promise<void>;
};

/**
 * The signed-in user's history, kept in this browser under `userKey` (the server's hash of
 * the user id). Read after the page is interactive: IndexedDB exists only in the browser.
 * A generation that finishes before the store has loaded waits for it.
 */
export function useHistory(userKey: string): History {
  const [view, setView] = useState<HistoryView>({ status: "loading" });
  const store = useRef<Promise<HistoryStore> | null>(null);

  useEffect(() => {
    let current = true;
    const opened = loadHistoryStore().then(({ openHistoryStore }) => openHistoryStore(userKey));
    store.current = opened;
    opened
      .then((history) => history.list())
      .then(
        (entries) => current && setView({ status: "ready", entries }),
        () => current && setView({ status: "unavailable" }),
      );
    return () => {
      current = false;
    };
  }, [userKey]);

  // Every change is read back from storage, so the list shows what a reload would show.
  const change = useCallback(async (apply: (history: HistoryStore) => Promise<void>) => {
    try {
      const history = await store.current;
      if (!history) return;
      await apply(history);
      setView({ status: "ready", entries: await history.list() });
    } catch {
      setView({ status: "unavailable" });
    }
  }, []);

  const record = useCallback((entry: HistoryEntry) => change((h) => h.add(entry)), [change]);
  const remove = useCallback((id: string) => change((h) => h.remove(id)), [change]);
  const clear = useCallback(() => change((h) => h.clear()), [change]);
  return { view, record, remove, clear };
}

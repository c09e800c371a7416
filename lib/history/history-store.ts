import { clear, createStore, del, delMany, entries, set, type UseStore } from "idb-keyval";
import { parseHistoryEntry } from "./check-history-entry";
import type { HistoryEntry } from "./history-entry";

/** Entries kept per user; adding one more drops the oldest. */
export const historyLimit = 100;

/** The server's per-user key (lib/history/history-user-key.ts): 64 hex digits, nothing else. */
const userKeyPattern = /^[0-9a-f]{64}$/;

/** Why history cannot be kept: no IndexedDB (some private modes), or storage refused. */
export class HistoryUnavailableError extends Error {
  override name = "HistoryUnavailableError";
}

export type HistoryStore = {
  /** Keeps the entry (an entry with the same id is replaced), then drops the oldest past the limit. */
  add(entry: HistoryEntry): Promise<void>;
  /** The readable entries, newest first; corrupt or old-shaped records are skipped. */
  list(): Promise<HistoryEntry[]>;
  remove(id: string): Promise<void>;
  /** Deletes every record of this user, readable or not. */
  clear(): Promise<void>;
};

/** The database of one user (its name carries only the server's hashed key), and its store. */
export function historyDatabaseName(userKey: string): string {
  return `fal-starter-history-${userKey}`;
}
export const historyStoreName = "generations";

/**
 * One IndexedDB database per user, not one shared store with prefixed keys: listing and
 * clearing can then never touch another user's records (no key range to get wrong), "Clear
 * history" is a single `clear()`, and each user's data shows apart in the browser's tools.
 * Not a security boundary: anyone using the same browser profile can read every database.
 */
export function openHistoryStore(
  userKey: string,
  { limit = historyLimit }: { limit?: number } = {},
): HistoryStore {
  if (!userKeyPattern.test(userKey)) throw new Error("The history key must be 64 hex digits.");
  if (typeof indexedDB === "undefined") {
    throw new HistoryUnavailableError("This browser offers no IndexedDB.");
  }
  const store: UseStore = createStore(historyDatabaseName(userKey), historyStoreName);
  // Some browsers throw from `indexedDB.open` itself, others fail the request: both mean the same.
  const attempt = async <T>(operation: () => Promise<T>): Promise<T> => {
    try {
      return await operation();
    } catch (error) {
      throw new HistoryUnavailableError("This browser refused to store history.", { cause: error });
    }
  };

  const readAll = async () => {
    const records = await attempt(() => entries<IDBValidKey, unknown>(store));
    const readable: HistoryEntry[] = [];
    for (const [key, value] of records) {
      const entry = parseHistoryEntry(value);
      // A record under a key other than its id was not written by this store: skip it too.
      if (entry && entry.id === key) readable.push(entry);
    }
    return readable.sort((a, b) => b.finishedAt - a.finishedAt || (a.id < b.id ? 1 : -1));
  };

  return {
    async add(entry) {
      await attempt(() => set(entry.id, entry, store));
      const overflow = (await readAll()).slice(limit).map((old) => old.id);
      if (overflow.length > 0) await attempt(() => delMany(overflow, store));
    },
    list: readAll,
    async remove(id) {
      await attempt(() => del(id, store));
    },
    async clear() {
      await attempt(() => clear(store));
    },
  };
}

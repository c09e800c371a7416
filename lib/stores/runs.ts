import "server-only";
import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { storeUnavailable } from "./store-errors";

/** Where a run is: waiting or running at fal, finished with its output, failed, or cancelled. */
export type RunStatus = "in-progress" | "done" | "failed" | "cancelled";

/** One run the proxy admitted, as its user's history keeps it on the server. */
export type RunRecord = {
  /** fal's request id: the run's key, and what a status, result or cancel names. */
  requestId: string;
  modelId: string;
  /** The input as the proxy checked and sent it (never the caller's text). */
  input: Record<string, unknown>;
  /** What the budgets were charged for it, in micro-dollars. */
  costMicroUsd: number;
  status: RunStatus;
  /** Epoch milliseconds. */
  submittedAt: number;
  finishedAt?: number;
  /** fal's output (`{ images: […] }`, `{ video: {…} }`), once the result passed through. */
  output?: unknown;
  /** Cancelled while still in fal's queue: fal billed nothing, and the charge was given back. */
  refunded?: true;
};

export type RunEnd = Pick<RunRecord, "status" | "finishedAt" | "output" | "refunded">;

/** Each user's runs, newest first: the history every tab and device of theirs reads. */
export type RunStore = {
  start(userId: string, run: RunRecord): Promise<void>;
  /**
   * Records how a run ended; nothing when the user has no such run (deleted, or never).
   * Answers whether it was in progress until now: of two ends at once, one alone hears yes.
   */
  end(userId: string, requestId: string, end: RunEnd): Promise<boolean>;
  get(userId: string, requestId: string): Promise<RunRecord | undefined>;
  list(userId: string): Promise<RunRecord[]>;
  /** Whether there was such a run of this user's to delete. */
  remove(userId: string, requestId: string): Promise<boolean>;
};

/** Per user: the newest 100 runs, each kept 30 days after the user's last run. */
export const runRetention = { perUser: 100, days: 30 };
const retentionMs = runRetention.days * 86_400_000;
const keyPrefix = "fal-proxy:runs:";

/** In memory for one instance: at most 10,000 users' lists, the least recent forgotten first. */
export function memoryRuns(maxUsers = 10_000): RunStore {
  const users = new LRUCache<string, Map<string, RunRecord>>({ max: maxUsers, ttl: retentionMs });
  const runsOf = (userId: string) => users.get(userId) ?? new Map<string, RunRecord>();
  return {
    async start(userId, run) {
      const runs = runsOf(userId);
      runs.delete(run.requestId);
      runs.set(run.requestId, run);
      // A Map keeps insertion order: the first keys are the oldest runs.
      for (const oldest of runs.keys()) {
        if (runs.size <= runRetention.perUser) break;
        runs.delete(oldest);
      }
      users.set(userId, runs);
    },
    async end(userId, requestId, end) {
      const run = users.get(userId)?.get(requestId);
      if (!run) return false;
      const wasInProgress = run.status === "in-progress";
      Object.assign(run, end);
      return wasInProgress;
    },
    async get(userId, requestId) {
      return users.get(userId)?.get(requestId);
    },
    async list(userId) {
      return [...runsOf(userId).values()].reverse();
    },
    async remove(userId, requestId) {
      return users.get(userId)?.delete(requestId) ?? false;
    },
  };
}

// A user's runs are two hashes (request id → the run as it started, and → how it ended) and a
// sorted set (request id by submit time), all expiring 30 days after the last run. Each script
// runs whole, so two instances recording at once never leave them out of step; no script
// decodes JSON (Lua's cjson would turn an empty list into an object). The user id is the keys'
// hash tag, so all three share a Redis Cluster slot.
const startScript = `
redis.call("HSET", KEYS[1], ARGV[1], ARGV[2])
redis.call("ZADD", KEYS[3], ARGV[3], ARGV[1])
local extra = redis.call("ZCARD", KEYS[3]) - tonumber(ARGV[4])
if extra > 0 then
  local oldest = redis.call("ZRANGE", KEYS[3], 0, extra - 1)
  redis.call("ZREMRANGEBYRANK", KEYS[3], 0, extra - 1)
  redis.call("HDEL", KEYS[1], unpack(oldest))
  redis.call("HDEL", KEYS[2], unpack(oldest))
end
for _, key in ipairs(KEYS) do redis.call("EXPIRE", key, ARGV[5]) end
return 0
`;

const endScript = `
if redis.call("HEXISTS", KEYS[1], ARGV[1]) == 0 then return 0 end
return redis.call("HSET", KEYS[2], ARGV[1], ARGV[2])
`;

const removeScript = `
redis.call("ZREM", KEYS[3], ARGV[1])
redis.call("HDEL", KEYS[2], ARGV[1])
return redis.call("HDEL", KEYS[1], ARGV[1])
`;

const keysOf = (userId: string): [string, string, string] => [
  `${keyPrefix}{${userId}}:started`,
  `${keyPrefix}{${userId}}:ended`,
  `${keyPrefix}{${userId}}:order`,
];

const parsed = (started: string | null, ended: string | null): RunRecord | undefined =>
  started
    ? { ...(JSON.parse(started) as RunRecord), ...(ended ? JSON.parse(ended) : {}) }
    : undefined;

/** Shared by every instance. Errors become 500 `store_unavailable`: the caller fails closed. */
export function redisRuns(redis: Redis): RunStore {
  const failed = (error: unknown) => {
    throw storeUnavailable(error);
  };
  const ttlSeconds = runRetention.days * 86_400;
  return {
    async start(userId, run) {
      const args = [run.requestId, JSON.stringify(run), run.submittedAt];
      await redis
        .eval(startScript, 3, ...keysOf(userId), ...args, runRetention.perUser, ttlSeconds)
        .catch(failed);
    },
    async end(userId, requestId, end) {
      // HSET answers 1 for a new field: the run had not ended before.
      const added = await redis
        .eval(endScript, 3, ...keysOf(userId), requestId, JSON.stringify(end))
        .catch(failed);
      return added === 1;
    },
    async get(userId, requestId) {
      const [started, ended] = keysOf(userId);
      const pair = await Promise.all([
        redis.hget(started, requestId),
        redis.hget(ended, requestId),
      ]).catch(failed);
      return parsed(...pair);
    },
    async list(userId) {
      const [started, ended, order] = keysOf(userId);
      const ids = await redis.zrevrange(order, 0, -1).catch(failed);
      if (ids.length === 0) return [];
      const [starts, ends] = await Promise.all([
        redis.hmget(started, ...ids),
        redis.hmget(ended, ...ids),
      ]).catch(failed);
      return starts.flatMap((start, index) => {
        const run = parsed(start, ends[index] ?? null);
        return run ? [run] : [];
      });
    },
    async remove(userId, requestId) {
      const removed = await redis.eval(removeScript, 3, ...keysOf(userId), requestId).catch(failed);
      return removed === 1;
    },
  };
}

import "server-only";
import { serverEnv } from "@/lib/env";
import { type MediaOwnership, memoryMediaOwnership, redisMediaOwnership } from "./media-ownership";
import { createReadLimiter, type ReadLimiter } from "./read-limiter";
import { connectRedis } from "./redis-client";
import { memoryRuns, type RunStore, redisRuns } from "./runs";
import { createSpendBudget, type SpendBudget } from "./spend-budget";
import { createStreamSlots, type StreamSlots } from "./stream-slots";
import { createSubmitLimiter, type SubmitLimiter } from "./submit-limiter";
import { createUploadCounter, type UploadCounter } from "./upload-counter";

/** Everything the app counts or remembers per user, in memory or in Redis. */
export type AppStores = {
  /** Model runs each user may start per minute and per day. */
  runLimits: SubmitLimiter;
  /** Each user's runs, newest first: their history, on every tab and device. */
  runs: RunStore;
  /** Daily spend, per user and for the app, charged before fal is called. */
  budget: SpendBudget;
  /** Which files at fal each user may give a model, with their sizes. */
  media: MediaOwnership;
  /** Status, result and cancel calls per minute. */
  reads: ReadLimiter;
  /** Open status streams per user. */
  streams: StreamSlots;
  /** Image uploads per user per UTC day. */
  uploads: UploadCounter;
};

// A released slot normally leaves Redis at once; this only covers an instance that died.
const leaseMarginMs = 60_000;

// On globalThis, not in a module variable: Next bundles the page and each route handler
// separately, each with its own copy of this module, and the stores kept in memory must be one
// per process (the page's budget meter and the proxy's charges are the same numbers).
const shared = globalThis as typeof globalThis & { falAppStores?: AppStores };

/**
 * The stores, from the environment: in memory for a single instance, in Redis (`REDIS_URL`)
 * when several instances must share them. One set per server process, shared by the pages,
 * the proxy, the upload route and `GET /api/budget`.
 */
export function appStores(): AppStores {
  if (shared.falAppStores) return shared.falAppStores;
  const { proxy, budgets, redisUrl } = serverEnv();
  const redis = redisUrl ? connectRedis(redisUrl) : undefined;
  const stores: AppStores = {
    runLimits: createSubmitLimiter(proxy.limits, redis),
    runs: redis ? redisRuns(redis) : memoryRuns(),
    budget: createSpendBudget(
      { perUserMicroUsd: budgets.perUserDailyMicroUsd, appMicroUsd: budgets.appDailyMicroUsd },
      redis,
    ),
    media: redis ? redisMediaOwnership(redis) : memoryMediaOwnership(),
    reads: createReadLimiter(proxy.reads, redis),
    streams: createStreamSlots(
      {
        perUser: proxy.reads.streamsPerUser,
        leaseMs: proxy.reads.streamMaxSeconds * 1000 + leaseMarginMs,
      },
      redis,
    ),
    uploads: createUploadCounter({ perDay: proxy.uploadsPerUserDaily }, redis),
  };
  shared.falAppStores = stores;
  return stores;
}

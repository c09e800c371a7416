import "server-only";
import { serverEnv } from "@/lib/env";
import { memoryMediaOwnership, redisMediaOwnership } from "../stores/media-ownership";
import { connectRedis } from "../stores/redis-client";
import { memoryOwnership, redisOwnership } from "../stores/request-ownership";
import { createSpendBudget, type SpendBudget } from "../stores/spend-budget";
import { createSubmitLimiter } from "../stores/submit-limiter";
import { createUploadCounter, type UploadCounter } from "../stores/upload-counter";
import { writeAuditLine } from "./audit-log";
import type { ProxyGuardConfig } from "./guard";
import { createReadMetering } from "./read-metering";

type ProxySetup = Pick<
  ProxyGuardConfig,
  | "limiter"
  | "budget"
  | "ownership"
  | "media"
  | "reads"
  | "audit"
  | "maxBodyBytes"
  | "upstreamTimeoutMs"
> & {
  budget: SpendBudget;
  /** Image uploads per user per day, counted by the upload route (lib/uploads/). */
  uploads: UploadCounter;
};

// On globalThis, not in a module variable: Next bundles the page and each route handler
// separately, each with its own copy of this module, and the stores kept in memory must be one
// per process (the page's budget meter and the proxy's charges are the same numbers).
const shared = globalThis as typeof globalThis & { falProxySetup?: ProxySetup };

/**
 * The guard's settings and stores, from the environment: in memory for a single instance,
 * in Redis (`REDIS_URL`) when several instances must share limits, budgets, upload counts and
 * request and media ownership. One set per server process, shared by the page, the proxy and `GET /api/budget`.
 */
export function proxySetup(): ProxySetup {
  if (shared.falProxySetup) return shared.falProxySetup;
  const { proxy, budgets, redisUrl } = serverEnv();
  const redis = redisUrl ? connectRedis(redisUrl) : undefined;
  const setup: ProxySetup = {
    limiter: createSubmitLimiter(proxy.limits, redis),
    budget: createSpendBudget(
      { perUserMicroUsd: budgets.perUserDailyMicroUsd, appMicroUsd: budgets.appDailyMicroUsd },
      redis,
    ),
    uploads: createUploadCounter({ perDay: proxy.uploadsPerUserDaily }, redis),
    ownership: redis ? redisOwnership(redis) : memoryOwnership(),
    media: redis ? redisMediaOwnership(redis) : memoryMediaOwnership(),
    reads: createReadMetering(
      { ...proxy.reads, streamMaxMs: proxy.reads.streamMaxSeconds * 1000 },
      redis,
    ),
    audit: writeAuditLine,
    maxBodyBytes: proxy.maxBodyBytes,
    upstreamTimeoutMs: proxy.upstreamTimeoutMs,
  };
  shared.falProxySetup = setup;
  return setup;
}

import "server-only";
import { serverEnv } from "@/lib/env";
import { writeAuditLine } from "./audit-log";
import type { ProxyGuardConfig } from "./guard";
import { createReadMetering } from "./read-metering";
import { connectRedis } from "./stores/redis-client";
import { memoryOwnership, redisOwnership } from "./stores/request-ownership";
import { createSubmitLimiter } from "./stores/submit-limiter";

/**
 * The guard's settings and stores, from the environment: in memory for a single instance,
 * in Redis (`REDIS_URL`) when several instances must share limits and request ownership.
 */
export function proxyRuntime(): Pick<
  ProxyGuardConfig,
  "limiter" | "ownership" | "reads" | "audit" | "maxBodyBytes" | "upstreamTimeoutMs"
> {
  const { proxy, redisUrl } = serverEnv();
  const redis = redisUrl ? connectRedis(redisUrl) : undefined;
  return {
    limiter: createSubmitLimiter(proxy.limits, redis),
    ownership: redis ? redisOwnership(redis) : memoryOwnership(),
    reads: createReadMetering(
      { ...proxy.reads, streamMaxMs: proxy.reads.streamMaxSeconds * 1000 },
      redis,
    ),
    audit: writeAuditLine,
    maxBodyBytes: proxy.maxBodyBytes,
    upstreamTimeoutMs: proxy.upstreamTimeoutMs,
  };
}

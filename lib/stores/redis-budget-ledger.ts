import "server-only";
import type { Redis } from "ioredis";
import type { BudgetLedger, DaySpend, LedgerLimits } from "./budget-ledger";

/**
 * One Lua script checks and increments both keys, and Redis runs scripts one at a time, so
 * no number of instances can pass either budget, and a refused charge touches nothing.
 * (rate-limiter-flexible would take two consumes, and a refused one counts until it is
 * rewarded: meanwhile it could wrongly refuse a concurrent request that fits.)
 * Returns [0 charged | 1 user refused | 2 app refused, user spend, app spend].
 */
const chargeScript = `
local cost = tonumber(ARGV[1])
local user = tonumber(redis.call("GET", KEYS[1]) or "0")
local app = tonumber(redis.call("GET", KEYS[2]) or "0")
if user + cost > tonumber(ARGV[2]) then return {1, user, app} end
if app + cost > tonumber(ARGV[3]) then return {2, user, app} end
for _, key in ipairs(KEYS) do
  redis.call("INCRBY", key, cost)
  redis.call("EXPIRE", key, ARGV[4])
end
return {0, user + cost, app + cost}
`;

// Only keys that still exist: a refund later than their expiry must not leave a key behind
// that never expires. Never below zero: a late refund of a charge the day no longer holds.
const refundScript = `
for _, key in ipairs(KEYS) do
  if redis.call("EXISTS", key) == 1 then
    local left = tonumber(redis.call("GET", key)) - tonumber(ARGV[1])
    redis.call("SET", key, math.max(0, left), "KEEPTTL")
  end
end
return 0
`;

/**
 * Keys carry the UTC day, so each day starts from zero. The day is the hash tag, so a day's
 * keys share a Redis Cluster slot, as a script touching two keys needs.
 */
const keysOf = (day: string, userId: string): [string, string] => [
  `fal-proxy:budget:{${day}}:user:${userId}`,
  `fal-proxy:budget:{${day}}:app`,
];

/** Spend shared by every instance through Redis. Errors propagate: the caller fails closed. */
export function redisBudgetLedger(limits: LedgerLimits, redis: Redis): BudgetLedger {
  return {
    async charge({ day, keepSeconds }, userId, cost) {
      const keys = keysOf(day, userId);
      const [outcome, user, app] = (await redis.eval(
        chargeScript,
        2,
        ...keys,
        cost,
        limits.userMicroUsd,
        limits.appMicroUsd,
        keepSeconds,
      )) as [number, number, number];
      if (outcome === 0) {
        return {
          charged: true,
          refund: async () => {
            await redis.eval(refundScript, 2, ...keys, cost);
          },
        };
      }
      return { charged: false, refusedBy: outcome === 1 ? "user" : "app", spent: { user, app } };
    },
    async refund(day, userId, cost) {
      await redis.eval(refundScript, 2, ...keysOf(day, userId), cost);
    },
    async spent(day, userId) {
      const [user, app] = await redis.mget(...keysOf(day, userId));
      return { user: Number(user ?? 0), app: Number(app ?? 0) } satisfies DaySpend;
    },
  };
}

import { afterEach, describe, expect, it, vi } from "vitest";
import { startTestRedis } from "../../tooling/testing/redis-server";
import { redisForTests, refusalOf, testClock } from "../../tooling/testing/spend-budget-kit";
import { connectRedis } from "./redis-client";
import { createSpendBudget } from "./spend-budget";

const redis = redisForTests();
afterEach(() => {
  vi.restoreAllMocks();
});
const budgets = { perUserMicroUsd: 1_000_000, appMicroUsd: 10_000_000 };

describe("spend budget in Redis", () => {
  redis.it(
    "keeps a day's spend under that day's keys, which expire a day after it ends",
    async () => {
      const clock = testClock("2026-11-24T18:00:00.000Z");
      await createSpendBudget(budgets, redis.connect(), clock.now).charge("ada", 3_000);
      const inspector = redis.connect();
      const keys = await inspector.keys("*2026-11-24*");
      expect(keys).toHaveLength(2);
      for (const key of keys) {
        // 6 hours left in the day, then one more day.
        const ttl = await inspector.ttl(key);
        expect(ttl).toBeGreaterThan(30 * 3600 - 5);
        expect(ttl).toBeLessThanOrEqual(30 * 3600);
      }
    },
  );

  redis.it("leaves no key behind when a refund comes after the day's keys expired", async () => {
    const charge = await createSpendBudget(
      budgets,
      redis.connect(),
      testClock("2026-11-20T23:59:59.000Z").now,
    ).charge("ada", 3_000);
    const inspector = redis.connect();
    // What Redis does to them a day after the day ends.
    await inspector.del(...(await inspector.keys("*2026-11-20*")));
    await charge.refund();
    expect(await inspector.keys("*2026-11-20*")).toEqual([]);
  });

  it("refuses charges and status (fails closed) while Redis is unreachable", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const budget = createSpendBudget(
      budgets,
      redis.unreachable(),
      testClock(new Date().toISOString()).now,
    );
    for (const attempt of [budget.charge("ada", 3_000), budget.status("ada")]) {
      expect(await refusalOf(attempt)).toMatchObject({
        status: 500,
        error: { code: "store_unavailable" },
      });
    }
    expect(logged).toHaveBeenCalled();
  });

  redis.it("lets a refund fail quietly when Redis went away after the charge", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const server = await startTestRedis();
    const budget = createSpendBudget(budgets, redis.track(connectRedis(server.url)));
    const charge = await budget.charge("ada", 3_000);
    await server.stop();
    // The guard refunds after fal answered 5xx: that answer must still reach the user.
    await expect(charge.refund()).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledWith("fal proxy: spend not refunded:", expect.any(String));
  });
});

import { expect, it } from "vitest";
import {
  instancesOf,
  redisForTests,
  refusalOf,
  storeVariants,
  tally,
  testClock,
} from "../../tooling/testing/spend-budget-kit";

const redis = redisForTests();
const dollars = (usd: number) => Math.round(usd * 1_000_000);
const noon = "2026-11-24T12:00:00.000Z";
const nextMidnight = "2026-11-25T00:00:00.000Z";

redis.eachStore("spend budget", storeVariants(redis), (open) => {
  it("charges the user's and the app's budget, and reports what is spent and left", async () => {
    const budget = open(
      { perUserMicroUsd: dollars(1), appMicroUsd: dollars(10) },
      testClock(noon),
    )();
    await budget.charge("ada", dollars(0.25));
    await budget.charge("bob", dollars(0.5));
    expect(await budget.status("ada")).toEqual({
      user: {
        limitMicroUsd: dollars(1),
        spentMicroUsd: dollars(0.25),
        remainingMicroUsd: dollars(0.75),
      },
      app: {
        limitMicroUsd: dollars(10),
        spentMicroUsd: dollars(0.75),
        remainingMicroUsd: dollars(9.25),
      },
      resetsAt: new Date(nextMidnight),
    });
  });

  it("gives an earlier charge back to the day it was made, never below zero", async () => {
    const clock = testClock(noon);
    const budget = open({ perUserMicroUsd: dollars(1), appMicroUsd: dollars(10) }, clock)();
    await budget.charge("ada", dollars(0.4));
    await budget.charge("bob", dollars(0.1));
    await budget.refund("ada", dollars(0.4), Date.parse(noon));
    expect((await budget.status("ada")).user.spentMicroUsd).toBe(0);
    expect((await budget.status("ada")).app.spentMicroUsd).toBe(dollars(0.1));
    // Given back twice, or past what was spent: the day holds nothing below zero.
    await budget.refund("bob", dollars(0.5), Date.parse(noon));
    expect((await budget.status("bob")).user.spentMicroUsd).toBe(0);
    expect((await budget.status("bob")).app.spentMicroUsd).toBe(0);
    // A charge of yesterday given back today leaves today's spend alone.
    await budget.charge("ada", dollars(0.3));
    await budget.refund("ada", dollars(0.3), Date.parse("2026-11-23T12:00:00.000Z"));
    expect((await budget.status("ada")).user.spentMicroUsd).toBe(dollars(0.3));
  });

  it("refuses a cost the user's budget cannot cover: 429 until midnight UTC, nothing kept", async () => {
    const budget = open(
      { perUserMicroUsd: dollars(1), appMicroUsd: dollars(10) },
      testClock(noon),
    )();
    await budget.charge("ada", dollars(0.96));
    expect(await refusalOf(budget.charge("ada", dollars(0.1)))).toEqual({
      status: 429,
      retryAfter: String(12 * 3600),
      error: {
        code: "user_budget_exhausted",
        message:
          "This generation would cost $0.10, but only $0.04 is left of your $1.00 daily budget.",
        retryAt: nextMidnight,
      },
    });
    expect((await budget.status("ada")).app.spentMicroUsd).toBe(dollars(0.96));
    // What is left can still be spent.
    await budget.charge("ada", dollars(0.04));
    expect((await refusalOf(budget.charge("ada", 1))).error.message).toBe(
      "You have used your $1.00 daily budget.",
    );
  });

  it("stops a second user at the app's budget though their own has room, and keeps nothing", async () => {
    const budget = open(
      { perUserMicroUsd: dollars(6), appMicroUsd: dollars(10) },
      testClock(noon),
    )();
    await budget.charge("ada", dollars(6));
    const refusal = await refusalOf(budget.charge("bob", dollars(4.5)));
    expect(refusal).toMatchObject({ status: 429, retryAfter: String(12 * 3600) });
    expect(refusal.error).toEqual({
      code: "app_budget_exhausted",
      message:
        "This app has only $4.00 left of its $10.00 daily budget; this generation would cost $4.50.",
      retryAt: nextMidnight,
    });
    expect((await budget.status("bob")).user.spentMicroUsd).toBe(0);
    await budget.charge("bob", dollars(4));
    expect((await refusalOf(budget.charge("carl", 3_000))).error.message).toBe(
      "This app has used its $10.00 daily budget.",
    );
  });

  it("names the user's budget when the app's is exhausted too", async () => {
    const budget = open({ perUserMicroUsd: 100, appMicroUsd: 150 }, testClock(noon))();
    await budget.charge("ada", 100);
    await budget.charge("bob", 50);
    expect((await refusalOf(budget.charge("ada", 1))).error.code).toBe("user_budget_exhausted");
  });

  it("says so when one generation costs more than the whole daily budget", async () => {
    const budget = open(
      { perUserMicroUsd: dollars(1), appMicroUsd: dollars(10) },
      testClock(noon),
    )();
    expect((await refusalOf(budget.charge("ada", dollars(1.2)))).error.message).toBe(
      "This generation would cost $1.20, more than your $1.00 daily budget.",
    );
  });

  it("lets exactly the user's budget through under concurrent charges on several instances", async () => {
    const on = instancesOf(open({ perUserMicroUsd: 20, appMicroUsd: 1_000 }, testClock(noon)), 3);
    const attempts = Array.from({ length: 50 }, (_, i) => on(i).charge("ada", 1));
    expect(await tally(attempts)).toEqual({ charged: 20, user_budget_exhausted: 30 });
    expect((await on(0).status("ada")).user.spentMicroUsd).toBe(20);
  });

  it("lets exactly the app's budget through when many users charge at once", async () => {
    const on = instancesOf(open({ perUserMicroUsd: 5, appMicroUsd: 20 }, testClock(noon)), 3);
    const attempts = Array.from({ length: 50 }, (_, i) => on(i).charge(`user-${i}`, 1));
    expect(await tally(attempts)).toEqual({ charged: 20, app_budget_exhausted: 30 });
    expect((await on(1).status("anyone")).app.spentMicroUsd).toBe(20);
  });

  it("never lets a refused charge hold back a concurrent one that fits", async () => {
    const on = instancesOf(open({ perUserMicroUsd: 10, appMicroUsd: 15 }, testClock(noon)), 2);
    const [a, b] = [on(0), on(1)];
    const attempts = [
      a.charge("ada", 11), // more than ada's budget
      b.charge("bob", 10),
      a.charge("carl", 10), // only one of bob and carl fits in the app's budget
      ...Array.from({ length: 5 }, (_, i) => (i % 2 ? a : b).charge("ada", 1)),
    ];
    expect(await tally(attempts)).toEqual({
      charged: 6,
      user_budget_exhausted: 1,
      app_budget_exhausted: 1,
    });
    expect((await a.status("ada")).app.spentMicroUsd).toBe(15);
  });

  it("gives a refunded charge back, once, on every instance", async () => {
    const on = instancesOf(open({ perUserMicroUsd: 10, appMicroUsd: 100 }, testClock(noon)), 2);
    const [a, b] = [on(0), on(1)];
    await a.charge("ada", 4);
    const charge = await b.charge("ada", 6);
    expect((await refusalOf(a.charge("ada", 1))).error.code).toBe("user_budget_exhausted");
    await charge.refund();
    await charge.refund();
    expect((await a.status("ada")).user).toMatchObject({
      spentMicroUsd: 4,
      remainingMicroUsd: 6,
    });
    expect((await b.status("ada")).app.spentMicroUsd).toBe(4);
  });

  it("refunds a charge made before midnight to that day, not the next", async () => {
    const clock = testClock("2026-11-24T23:59:59.000Z");
    const budget = open({ perUserMicroUsd: 10, appMicroUsd: 100 }, clock)();
    const lateCharge = await budget.charge("ada", 3);
    clock.set("2026-11-25T00:00:01.000Z");
    await budget.charge("ada", 10);
    await lateCharge.refund();
    expect((await budget.status("ada")).user).toMatchObject({
      spentMicroUsd: 10,
      remainingMicroUsd: 0,
    });
    expect((await refusalOf(budget.charge("ada", 1))).error.code).toBe("user_budget_exhausted");
  });

  it("starts each UTC day from zero: spent at 23:59 is gone at midnight", async () => {
    const clock = testClock("2026-11-24T23:59:00.000Z");
    const budget = open({ perUserMicroUsd: 10, appMicroUsd: 100 }, clock)();
    await budget.charge("ada", 10);
    const refusal = await refusalOf(budget.charge("ada", 1));
    expect(refusal).toMatchObject({ retryAfter: "60", error: { retryAt: nextMidnight } });
    clock.set(nextMidnight);
    expect(await budget.status("ada")).toMatchObject({
      user: { spentMicroUsd: 0, remainingMicroUsd: 10 },
      app: { spentMicroUsd: 0 },
      resetsAt: new Date("2026-11-26T00:00:00.000Z"),
    });
    await expect(budget.charge("ada", 10)).resolves.toBeDefined();
  });

  it("lets a cost of 0 through an exhausted budget, and rejects costs that are not micro-dollars", async () => {
    const budget = open({ perUserMicroUsd: 10, appMicroUsd: 100 }, testClock(noon))();
    await budget.charge("ada", 10);
    await expect(budget.charge("ada", 0)).resolves.toBeDefined();
    for (const cost of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const thrown = await budget.charge("ada", cost).catch((error: unknown) => error);
      expect(thrown).toBeInstanceOf(Error);
      expect(thrown).not.toHaveProperty("code");
    }
    expect((await budget.status("ada")).user.spentMicroUsd).toBe(10);
  });
});

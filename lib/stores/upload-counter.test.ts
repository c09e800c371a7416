import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { redisForTests } from "../../tooling/testing/redis-server";
import { testClock } from "../../tooling/testing/spend-budget-kit";
import { createUploadCounter } from "./upload-counter";

const redis = redisForTests();
afterEach(() => {
  vi.restoreAllMocks();
});
const uniqueUser = () => `user-${crypto.randomUUID()}`;
const refusalOf = (attempt: Promise<unknown>) => attempt.catch((error: unknown) => error);

redis.eachStore(
  "the upload count",
  {
    memory: (now: () => number) => {
      const counter = createUploadCounter({ perDay: 2 }, undefined, now);
      return () => counter;
    },
    redis: (now: () => number) => () => createUploadCounter({ perDay: 2 }, redis.connect(), now),
  },
  (open) => {
    it("allows perDay uploads a UTC day, then refuses until midnight UTC, saying so", async () => {
      const clock = testClock("2026-11-27T18:00:00.000Z");
      const instance = open(clock.now);
      const user = uniqueUser();
      await instance().charge(user);
      await instance().charge(user);
      const refused = await refusalOf(instance().charge(user));
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({
        status: 429,
        code: "upload_limit_reached",
        message:
          "You can upload 2 images a day, and today's are used up. The count starts again at midnight UTC.",
        extras: {
          headers: { "Retry-After": String(6 * 3600) },
          retryAt: new Date("2026-11-28T00:00:00.000Z"),
        },
      });
      // Another user has their own count; the next day starts from zero.
      await expect(instance().charge(uniqueUser())).resolves.toBeDefined();
      clock.set("2026-11-28T00:00:01.000Z");
      await expect(instance().charge(user)).resolves.toBeDefined();
    });

    it("gives an upload back once, however often the refund is called", async () => {
      const instance = open(Date.now);
      const user = uniqueUser();
      const first = await instance().charge(user);
      await instance().charge(user);
      await first.refund();
      await first.refund();
      await instance().charge(user);
      await expect(refusalOf(instance().charge(user))).resolves.toMatchObject({
        code: "upload_limit_reached",
      });
    });

    it("does not count a refused attempt", async () => {
      const instance = open(Date.now);
      const user = uniqueUser();
      const first = await instance().charge(user);
      await instance().charge(user);
      for (let attempt = 0; attempt < 3; attempt += 1) {
        await expect(refusalOf(instance().charge(user))).resolves.toMatchObject({ status: 429 });
      }
      await first.refund();
      await expect(instance().charge(user)).resolves.toBeDefined();
    });
  },
);

describe("the upload count", () => {
  it("holds exactly under concurrent uploads in memory", async () => {
    const counter = createUploadCounter({ perDay: 5 });
    const user = uniqueUser();
    const settled = await Promise.allSettled(
      Array.from({ length: 12 }, () => counter.charge(user)),
    );
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(5);
  });

  redis.it("holds exactly across instances sharing Redis", async () => {
    const instances = [redis.connect(), redis.connect(), redis.connect()].map((client) =>
      createUploadCounter({ perDay: 5 }, client),
    );
    const user = uniqueUser();
    const attempts = instances.flatMap((instance) =>
      Array.from({ length: 4 }, () => instance.charge(user)),
    );
    const settled = await Promise.allSettled(attempts);
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(5);
  });

  redis.it("keeps a day's count in Redis only until that day ends", async () => {
    const clock = testClock("2026-11-27T23:00:00.000Z");
    await createUploadCounter({ perDay: 5 }, redis.connect(), clock.now).charge("ada");
    const inspector = redis.connect();
    const [key] = await inspector.keys("*2026-11-27*");
    expect(key).toBe("fal-proxy:uploads:2026-11-27:ada");
    const ttl = await inspector.ttl(key ?? "");
    expect(ttl).toBeGreaterThan(3600);
    expect(ttl).toBeLessThanOrEqual(3660);
  });

  it("refuses uploads (fail closed) while Redis is unreachable", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const counter = createUploadCounter({ perDay: 5 }, redis.unreachable());
    await expect(refusalOf(counter.charge(uniqueUser()))).resolves.toMatchObject({
      code: "store_unavailable",
      status: 500,
    });
  });
});

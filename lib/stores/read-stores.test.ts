import type { Redis } from "ioredis";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { redisForTests } from "../../tooling/testing/redis-server";
import { createReadLimiter } from "./read-limiter";
import { createStreamSlots } from "./stream-slots";

const redis = redisForTests();
const { connect, unreachable } = redis;
const uniqueUser = () => `user-${crypto.randomUUID()}`;
const outcomes = async (attempts: Promise<unknown>[], refusal: string) => {
  const settled = await Promise.allSettled(attempts);
  return {
    allowed: settled.filter((s) => s.status === "fulfilled").length,
    refused: settled.filter((s) => s.status === "rejected" && s.reason.code === refusal).length,
  };
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe("read limits", () => {
  it("hold exactly in memory under concurrent reads", async () => {
    const limiter = createReadLimiter({ perMinute: 10 });
    const user = uniqueUser();
    const attempts = Array.from({ length: 25 }, () => limiter.charge(user));
    expect(await outcomes(attempts, "read_rate_limited")).toEqual({ allowed: 10, refused: 15 });
  });

  redis.it("hold exactly across two instances sharing Redis", async () => {
    const instances = [connect(), connect()].map((redis) =>
      createReadLimiter({ perMinute: 10 }, redis),
    );
    const user = uniqueUser();
    const attempts = instances.flatMap((instance) =>
      Array.from({ length: 15 }, () => instance.charge(user)),
    );
    expect(await outcomes(attempts, "read_rate_limited")).toEqual({ allowed: 10, refused: 20 });
    await expect(instances[0]?.charge(uniqueUser())).resolves.toBeUndefined();
  });

  it("refuse reads (fail closed) while Redis is unreachable", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const limiter = createReadLimiter({ perMinute: 10 }, unreachable());
    const refusal = await limiter.charge(uniqueUser()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "store_unavailable", status: 500 });
  });
});

const inMemory = (): Redis | undefined => undefined;
redis.eachStore("stream slots", { memory: inMemory, redis: () => connect() }, (store) => {
  const create = (perUser: number) => createStreamSlots({ perUser, leaseMs: 60_000 }, store());

  it("cap a user's open streams, and give a slot back when a stream ends", async () => {
    const slots = create(2);
    const [ada, bob] = [uniqueUser(), uniqueUser()];
    const first = await slots.acquire(ada);
    await slots.acquire(ada);
    await expect(slots.acquire(ada)).rejects.toMatchObject({ code: "too_many_streams" });
    await expect(slots.acquire(bob)).resolves.toBeDefined();
    await first.release();
    await expect(slots.acquire(ada)).resolves.toBeDefined();
    await expect(slots.acquire(ada)).rejects.toMatchObject({ code: "too_many_streams" });
  });

  it("count a slot released twice once", async () => {
    const slots = create(2);
    const user = uniqueUser();
    const slot = await slots.acquire(user);
    await slot.release();
    await slot.release();
    await slots.acquire(user);
    await slots.acquire(user);
    await expect(slots.acquire(user)).rejects.toMatchObject({ code: "too_many_streams" });
  });

  it("leak nothing: after many opened and released streams the user opens the full cap", async () => {
    const slots = create(3);
    const user = uniqueUser();
    for (let round = 0; round < 50; round++) {
      const opened = await Promise.all([1, 2, 3].map(() => slots.acquire(user)));
      await Promise.all(opened.map((slot) => slot.release()));
    }
    await Promise.all([1, 2, 3].map(() => slots.acquire(user)));
    await expect(slots.acquire(user)).rejects.toMatchObject({ code: "too_many_streams" });
  });
});

describe("stream slots in Redis", () => {
  redis.it("hold the cap exactly under concurrent opens across two instances", async () => {
    const instances = [connect(), connect()].map((redis) =>
      createStreamSlots({ perUser: 3, leaseMs: 60_000 }, redis),
    );
    const user = uniqueUser();
    const attempts = instances.flatMap((instance) =>
      Array.from({ length: 10 }, () => instance.acquire(user)),
    );
    expect(await outcomes(attempts, "too_many_streams")).toEqual({ allowed: 3, refused: 17 });
  });

  redis.it("free a slot its instance never released (it died) once the lease ends", async () => {
    const slots = createStreamSlots({ perUser: 1, leaseMs: 100 }, connect());
    const user = uniqueUser();
    await slots.acquire(user);
    await expect(slots.acquire(user)).rejects.toMatchObject({ code: "too_many_streams" });
    await vi.waitFor(() => slots.acquire(user), { timeout: 5_000, interval: 25 });
  });

  it("refuse streams (fail closed) while Redis is unreachable", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const slots = createStreamSlots({ perUser: 5, leaseMs: 60_000 }, unreachable());
    const refusal = await slots.acquire(uniqueUser()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "store_unavailable", status: 500 });
  });
});

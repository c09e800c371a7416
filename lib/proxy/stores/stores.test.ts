import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { redisForTests } from "../../../testing/redis-server";
import { memoryOwnership, redisOwnership } from "./request-ownership";
import { createSubmitLimiter } from "./submit-limiter";

const redis = redisForTests();
const { connect, unreachable } = redis;
const uniqueUser = () => `user-${crypto.randomUUID()}`;
const outcomes = async (attempts: Promise<unknown>[]) => {
  const settled = await Promise.allSettled(attempts);
  return {
    allowed: settled.filter((s) => s.status === "fulfilled").length,
    limited: settled.filter((s) => s.status === "rejected" && s.reason.code === "rate_limited")
      .length,
  };
};

redis.eachStore(
  "request ownership",
  { memory: () => memoryOwnership(), redis: () => redisOwnership(connect()) },
  (create) => {
    it("remembers who submitted a request, and knows no owner for anything else", async () => {
      const ownership = create();
      await ownership.record("req-1", "oidc:ada");
      expect(await ownership.ownerOf("req-1")).toBe("oidc:ada");
      expect(await ownership.ownerOf("req-2")).toBeUndefined();
    });
  },
);

redis.describe("request ownership in Redis", () => {
  it("is shared by every instance and expires after a day", async () => {
    await redisOwnership(connect()).record("req-shared", "oidc:ada");
    expect(await redisOwnership(connect()).ownerOf("req-shared")).toBe("oidc:ada");
    const ttl = await connect().ttl("fal-proxy:owner:req-shared");
    expect(ttl).toBeGreaterThan(86_000);
    expect(ttl).toBeLessThanOrEqual(86_400);
  });
});

describe("submit limits", () => {
  it("hold exactly in memory under concurrent submits", async () => {
    const limiter = createSubmitLimiter({ perMinute: 10, perDay: 100 });
    const user = uniqueUser();
    const result = await outcomes(Array.from({ length: 25 }, () => limiter.charge(user)));
    expect(result).toEqual({ allowed: 10, limited: 15 });
  });

  redis.it("hold exactly across instances sharing Redis", async () => {
    const instances = [connect(), connect(), connect()].map((redis) =>
      createSubmitLimiter({ perMinute: 10, perDay: 100 }, redis),
    );
    const user = uniqueUser();
    const attempts = instances.flatMap((instance) =>
      Array.from({ length: 10 }, () => instance.charge(user)),
    );
    expect(await outcomes(attempts)).toEqual({ allowed: 10, limited: 20 });
  });

  redis.it("refund an attempt on every instance", async () => {
    const [a, b] = [connect(), connect()].map((redis) =>
      createSubmitLimiter({ perMinute: 2, perDay: 100 }, redis),
    );
    const user = uniqueUser();
    await a?.charge(user);
    const charge = await b?.charge(user);
    await expect(a?.charge(user)).rejects.toMatchObject({ code: "rate_limited" });
    await charge?.refund();
    await expect(a?.charge(user)).resolves.toBeDefined();
  });

  it("refuse submits (fail closed) while Redis is unreachable", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const limiter = createSubmitLimiter({ perMinute: 10, perDay: 100 }, unreachable());
    const refusal = await limiter.charge(uniqueUser()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "store_unavailable", status: 500 });
    vi.restoreAllMocks();
  });
});

import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { redisForTests } from "../../tooling/testing/redis-server";
import { memoryMediaOwnership, redisMediaOwnership } from "./media-ownership";
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
  "media ownership",
  { memory: () => memoryMediaOwnership(), redis: () => redisMediaOwnership(connect()) },
  (create) => {
    it("knows each user's files and their sizes, and nobody else's", async () => {
      const media = create();
      const [sized, unsized] = [
        "https://v3.fal.media/files/a.png",
        "https://v3.fal.media/files/b.png",
      ];
      await media.record("oidc:ada", [{ url: sized, width: 640, height: 480 }, { url: unsized }]);
      expect(await media.find("oidc:ada", sized)).toEqual({ url: sized, width: 640, height: 480 });
      expect(await media.find("oidc:ada", unsized)).toEqual({ url: unsized });
      expect(await media.find("oidc:bob", sized)).toBeUndefined();
      expect(await media.find("oidc:ada", `${sized}?x`)).toBeUndefined();
    });
  },
);

redis.describe("media ownership in Redis", () => {
  it("is shared by every instance, and a file is usable for seven days", async () => {
    const url = "https://v3.fal.media/files/shared.png";
    await redisMediaOwnership(connect()).record("oidc:ada", [{ url, width: 8, height: 8 }]);
    expect(await redisMediaOwnership(connect()).find("oidc:ada", url)).toMatchObject({ width: 8 });
    const [key] = await connect().keys("fal-proxy:media:*");
    const ttl = await connect().ttl(key ?? "");
    expect(ttl).toBeGreaterThan(7 * 86_400 - 100);
    expect(ttl).toBeLessThanOrEqual(7 * 86_400);
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

  it("give a refund back only into the window it was taken from", async () => {
    vi.useFakeTimers();
    try {
      const limiter = createSubmitLimiter({ perMinute: 3, perDay: 100 });
      const user = uniqueUser();
      const taken = await Promise.all([1, 2, 3].map(() => limiter.charge(user)));
      // fal answers 5xx only after the minute rolled over: the new minute starts at zero, not -3.
      vi.advanceTimersByTime(61_000);
      await Promise.all(taken.map((charge) => charge.refund()));
      const result = await outcomes(Array.from({ length: 6 }, () => limiter.charge(user)));
      expect(result).toEqual({ allowed: 3, limited: 3 });
    } finally {
      vi.useRealTimers();
    }
  });

  it("give a refund back once, however often it is asked", async () => {
    const limiter = createSubmitLimiter({ perMinute: 2, perDay: 100 });
    const user = uniqueUser();
    const charge = await limiter.charge(user);
    await limiter.charge(user);
    for (let n = 0; n < 3; n++) await charge.refund();
    expect(await outcomes([1, 2, 3].map(() => limiter.charge(user)))).toEqual({
      allowed: 1,
      limited: 2,
    });
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

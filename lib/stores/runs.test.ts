import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { redisForTests } from "../../tooling/testing/redis-server";
import { memoryRuns, type RunRecord, type RunStore, redisRuns, runRetention } from "./runs";

const redis = redisForTests();

const run = (requestId: string, submittedAt = Date.now()): RunRecord => ({
  requestId,
  modelId: "fal-ai/flux/schnell",
  input: { prompt: `run ${requestId}`, num_images: 1, image_size: "square", tags: [] },
  costMicroUsd: 3_000,
  status: "in-progress",
  submittedAt,
});
const ids = (runs: RunRecord[]) => runs.map(({ requestId }) => requestId);

redis.eachStore(
  "runs",
  { memory: () => memoryRuns(), redis: () => redisRuns(redis.connect()) },
  (create: () => RunStore) => {
    it("lists a user's runs newest first, as they started and as they ended", async () => {
      const runs = create();
      await runs.start("ada", run("r1", 1_000));
      await runs.start("ada", run("r2", 2_000));
      const output = {
        images: [{ url: "https://v3.fal.media/a.png", width: 8, height: 8 }],
        seed: 7,
        flags: [],
      };
      await runs.end("ada", "r1", { status: "done", finishedAt: 3_000, output });
      expect(ids(await runs.list("ada"))).toEqual(["r2", "r1"]);
      expect(await runs.get("ada", "r1")).toEqual({
        ...run("r1", 1_000),
        status: "done",
        finishedAt: 3_000,
        output,
      });
      expect(await runs.get("ada", "r2")).toEqual(run("r2", 2_000));
    });

    it("answers whether an end found the run in progress: of two ends at once, one hears yes", async () => {
      const runs = create();
      await runs.start("ada", run("r1", 1_000));
      const cancel = { status: "cancelled", finishedAt: 2_000 } as const;
      const answers = await Promise.all([
        runs.end("ada", "r1", cancel),
        runs.end("ada", "r1", cancel),
      ]);
      expect(answers.sort()).toEqual([false, true]);
      expect(await runs.end("ada", "r1", { status: "done", finishedAt: 3_000 })).toBe(false);
      expect(await runs.end("ada", "nothing", cancel)).toBe(false);
    });

    it("keeps each user's runs apart: another user can neither list, read, end nor delete them", async () => {
      const runs = create();
      await runs.start("ada", run("r1", 1_000));
      expect(await runs.list("bob")).toEqual([]);
      expect(await runs.get("bob", "r1")).toBeUndefined();
      expect(await runs.end("bob", "r1", { status: "cancelled" })).toBe(false);
      expect(await runs.remove("bob", "r1")).toBe(false);
      expect(await runs.get("ada", "r1")).toMatchObject({ status: "in-progress" });
      // And ending a run bob never had creates nothing for him.
      expect(await runs.list("bob")).toEqual([]);
    });

    it("deletes a run: gone from the list and from reads, and deleting again finds nothing", async () => {
      const runs = create();
      await runs.start("ada", run("r1", 1_000));
      await runs.start("ada", run("r2", 2_000));
      expect(await runs.remove("ada", "r1")).toBe(true);
      expect(ids(await runs.list("ada"))).toEqual(["r2"]);
      expect(await runs.get("ada", "r1")).toBeUndefined();
      expect(await runs.remove("ada", "r1")).toBe(false);
    });

    it(`keeps the newest ${runRetention.perUser} runs of a user`, async () => {
      const runs = create();
      const total = runRetention.perUser + 5;
      for (let n = 0; n < total; n++) await runs.start("ada", run(`r${n}`, 1_000 + n));
      const kept = ids(await runs.list("ada"));
      expect(kept).toHaveLength(runRetention.perUser);
      expect(kept[0]).toBe(`r${total - 1}`);
      expect(kept.at(-1)).toBe("r5");
      expect(await runs.get("ada", "r0")).toBeUndefined();
    });
  },
);

redis.describe("runs in Redis", () => {
  it("hold their bound when several instances record at once", async () => {
    const instances = [redis.connect(), redis.connect(), redis.connect()].map(redisRuns);
    const total = runRetention.perUser + 50;
    await Promise.all(
      Array.from({ length: total }, (_, n) =>
        instances[n % 3]?.start("ada", run(`r${n}`, 10_000 + n)),
      ),
    );
    const kept = ids(await redisRuns(redis.connect()).list("ada"));
    expect(kept).toHaveLength(runRetention.perUser);
    expect(kept[0]).toBe(`r${total - 1}`);
    expect(new Set(kept).size).toBe(runRetention.perUser);
  });

  it("expire 30 days after the user's last run", async () => {
    const client = redis.connect();
    await redisRuns(client).start("ada", run("r1"));
    const keys = await client.keys("fal-proxy:runs:*");
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      const ttl = await client.ttl(key);
      expect(ttl).toBeGreaterThan(runRetention.days * 86_400 - 100);
      expect(ttl).toBeLessThanOrEqual(runRetention.days * 86_400);
    }
  });

  it("fail closed while Redis is unreachable", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const runs = redisRuns(redis.unreachable());
    const refusal = await runs.list("ada").catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "store_unavailable" });
    vi.restoreAllMocks();
  });
});

describe("runs in memory", () => {
  it("forget the least recent users first, past their bound", async () => {
    const runs = memoryRuns(2);
    for (const user of ["ada", "bob", "cy"]) await runs.start(user, run(`${user}-1`));
    expect(await runs.list("ada")).toEqual([]);
    expect(ids(await runs.list("cy"))).toEqual(["cy-1"]);
  });
});

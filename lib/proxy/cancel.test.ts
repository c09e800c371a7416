/**
 * The cancel stage: a run cancelled while still in fal's queue gives its charge back, once;
 * a run fal had started, or whose status could not be read, keeps it.
 */
import { describe, expect, it } from "vitest";
import { catalog } from "@/lib/catalog/models";
import { kitStores } from "../../tooling/testing/guard-kit";
import type { FalLibrary } from "./call-fal";
import { prepareCancel } from "./cancel";
import { parseTarget } from "./target";

const cancelTarget = parseTarget(
  "PUT",
  "https://queue.fal.run/fal-ai/flux/requests/r9/cancel",
  catalog,
);
const cancelRequest = new Request("http://localhost/api/fal/proxy", { method: "PUT" });
const cancelled = () => Response.json({ status: "CANCELLATION_REQUESTED" }, { status: 202 });
const costMicroUsd = 250_000;

/** fal's library, answering every status read with `status` (or failing), and counting reads. */
function libraryAnswering(status: () => Promise<Response>) {
  const reads: string[] = [];
  const unused = async () => new Response(null, { status: 500 });
  const read: FalLibrary["GET"] = async (request) => {
    reads.push(request.headers.get("x-fal-target-url") ?? "");
    return status();
  };
  const library: FalLibrary = { GET: read, POST: unused, PUT: unused };
  return { library, reads };
}

/** ada's run r9, charged to today's budget as the proxy charges a submit. */
async function storesWithRun() {
  const stores = kitStores();
  await stores.budget.charge("ada", costMicroUsd);
  await stores.runs.start("ada", {
    requestId: "r9",
    modelId: "fal-ai/flux/dev",
    input: { prompt: "a lighthouse" },
    costMicroUsd,
    status: "in-progress",
    submittedAt: Date.now(),
  });
  const spent = async () => (await stores.budget.status("ada")).user.spentMicroUsd;
  return { stores, spent };
}

async function cancelWith(status: () => Promise<Response>, upstream = cancelled()) {
  const { stores, spent } = await storesWithRun();
  const { library, reads } = libraryAnswering(status);
  const pending = await prepareCancel(library, cancelRequest, cancelTarget, 1_000);
  await pending?.settle(stores, "ada", upstream);
  return { stores, spent, reads, library };
}

describe("stage: cancel", () => {
  it("reads fal's status of the same request before the cancel is sent", async () => {
    const { reads } = await cancelWith(async () => Response.json({ status: "IN_QUEUE" }));
    expect(reads).toEqual(["https://queue.fal.run/fal-ai/flux/requests/r9/status"]);
  });

  it("gives the charge back for a run still in fal's queue, and says so on the run", async () => {
    const { stores, spent } = await cancelWith(async () =>
      Response.json({ status: "IN_QUEUE", queue_position: 3 }, { status: 202 }),
    );
    expect(await spent()).toBe(0);
    expect(await stores.runs.get("ada", "r9")).toMatchObject({
      status: "cancelled",
      refunded: true,
    });
  });

  it("keeps the charge of a run fal had started", async () => {
    const { stores, spent } = await cancelWith(async () =>
      Response.json({ status: "IN_PROGRESS", logs: [] }, { status: 202 }),
    );
    expect(await spent()).toBe(costMicroUsd);
    const run = await stores.runs.get("ada", "r9");
    expect(run?.status).toBe("cancelled");
    expect(run?.refunded).toBeUndefined();
  });

  it("keeps the charge when fal's status cannot be read", async () => {
    for (const status of [
      async () => Response.json({ detail: "boom" }, { status: 500 }),
      async () => new Response("not json", { status: 200 }),
      async () => {
        throw new TypeError("fetch failed");
      },
    ]) {
      const { spent } = await cancelWith(status);
      expect(await spent()).toBe(costMicroUsd);
    }
  });

  it("keeps the run and its charge when fal refuses the cancel (already completed)", async () => {
    const refused = Response.json({ status: "ALREADY_COMPLETED" }, { status: 400 });
    const { stores, spent } = await cancelWith(
      async () => Response.json({ status: "IN_QUEUE" }),
      refused,
    );
    expect(await spent()).toBe(costMicroUsd);
    expect((await stores.runs.get("ada", "r9"))?.status).toBe("in-progress");
  });

  it("refunds once when the same queued run is cancelled twice at once", async () => {
    const { stores, spent } = await storesWithRun();
    // Another run of the same price, so that a second refund would show.
    await stores.budget.charge("ada", costMicroUsd);
    const { library } = libraryAnswering(async () => Response.json({ status: "IN_QUEUE" }));
    const twice = await Promise.all([
      prepareCancel(library, cancelRequest, cancelTarget, 1_000),
      prepareCancel(library, cancelRequest, cancelTarget, 1_000),
    ]);
    await Promise.all(twice.map((pending) => pending?.settle(stores, "ada", cancelled())));
    expect(await spent()).toBe(costMicroUsd);
  });

  it("has nothing to do for any call but a cancel", async () => {
    const { library, reads } = libraryAnswering(async () => Response.json({ status: "IN_QUEUE" }));
    const status = parseTarget(
      "GET",
      "https://queue.fal.run/fal-ai/flux/requests/r9/status",
      catalog,
    );
    expect(await prepareCancel(library, cancelRequest, status, 1_000)).toBeUndefined();
    expect(reads).toEqual([]);
  });
});

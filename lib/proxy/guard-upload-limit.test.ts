import { afterEach, describe, expect, it, vi } from "vitest";
import { createGuardKit, refusalOf, upload, users } from "../../testing/guard-kit";
import { createSpendBudget } from "./stores/spend-budget";
import { createUploadCounter } from "./stores/upload-counter";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("the guard: the daily upload count", () => {
  it("answers 429 past the daily upload count, with Retry-After and retryAt at midnight UTC", async () => {
    const kit = createGuardKit({ uploads: createUploadCounter({ perDay: 2 }) });
    for (let n = 0; n < 2; n += 1) expect((await kit.call(upload())).status).toBe(200);
    const refused = await refusalOf(await kit.call(upload()));
    expect(refused).toMatchObject({
      status: 429,
      code: "upload_limit_reached",
      message:
        "You can upload 2 images a day, and today's are used up. The count starts again at midnight UTC.",
    });
    expect(new Date(refused.retryAt ?? "").toISOString()).toMatch(/T00:00:00\.000Z$/);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(86_400);
    expect(kit.fal).toHaveBeenCalledTimes(2);
    expect(kit.audit.at(-1)).toMatchObject({ operation: "upload-initiate", status: 429 });
    // Bob's count is his own.
    expect((await kit.call(upload({ as: users.bob }))).status).toBe(200);
  });

  it("counts a bad body nothing, and gives the upload back when fal answers 5xx", async () => {
    const kit = createGuardKit({ uploads: createUploadCounter({ perDay: 1 }) });
    expect(
      (await kit.call(upload({ json: { content_type: "image/gif", file_name: "a.gif" } }))).status,
    ).toBe(415);
    kit.fal.mockImplementationOnce(async () => Response.json({ detail: "down" }, { status: 500 }));
    expect((await kit.call(upload())).status).toBe(500);
    expect((await kit.call(upload())).status).toBe(200);
    expect((await refusalOf(await kit.call(upload()))).code).toBe("upload_limit_reached");
  });

  it("keeps uploads and money apart: an upload costs no budget, a run no upload", async () => {
    const budget = createSpendBudget({ perUserMicroUsd: 1_000_000, appMicroUsd: 10_000_000 });
    const kit = createGuardKit({ budget, uploads: createUploadCounter({ perDay: 1 }) });
    expect((await kit.call(upload())).status).toBe(200);
    expect((await budget.status("oidc:ada")).user.spentMicroUsd).toBe(0);
    // Runs go on after the day's upload is used, and are charged as ever.
    expect((await kit.call({})).status).toBe(200);
    expect((await kit.call({})).status).toBe(200);
    expect((await budget.status("oidc:ada")).user.spentMicroUsd).toBe(50_000);
    expect((await refusalOf(await kit.call(upload()))).code).toBe("upload_limit_reached");

    const fresh = createGuardKit({ budget, uploads: createUploadCounter({ perDay: 1 }) });
    expect((await fresh.call({ as: users.bob })).status).toBe(200);
    // Bob ran a model first: his one upload of the day is still there.
    expect((await fresh.call(upload({ as: users.bob }))).status).toBe(200);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { createGuardKit, refusalOf, users } from "../../tooling/testing/guard-kit";
import { createSpendBudget } from "../stores/spend-budget";
import { createSubmitLimiter } from "../stores/submit-limiter";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

// FLUX.1 [dev] at $0.025 a megapixel: four 1024 × 1024 images are $0.10.
const fourImages = {
  target: "https://queue.fal.run/fal-ai/flux/dev",
  body: JSON.stringify({ prompt: "x", image_size: "square_hd", num_images: 4 }),
  headers: { "content-type": "application/json" },
};

describe("the guard: daily budgets", () => {
  it("charges each run's estimate and refuses, before fal, the run the user cannot afford", async () => {
    const budget = createSpendBudget({ perUserMicroUsd: 250_000, appMicroUsd: 10_000_000 });
    const kit = createGuardKit({
      budget,
      runLimits: createSubmitLimiter({ perMinute: 100, perDay: 100 }),
    });
    expect((await kit.call(fourImages)).status).toBe(200);
    expect((await kit.call(fourImages)).status).toBe(200);
    const refused = await refusalOf(await kit.call(fourImages));
    expect(refused).toMatchObject({
      status: 429,
      code: "user_budget_exhausted",
      message:
        "This generation would cost $0.10, but only $0.05 is left of your $0.25 daily budget.",
    });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(86_400);
    expect(kit.fal).toHaveBeenCalledTimes(2);
    expect((await budget.status("oidc:ada")).user.spentMicroUsd).toBe(200_000);
    expect(kit.audit.at(-1)).toMatchObject({ status: 429, error: "user_budget_exhausted" });
  });

  it("stops another user at the app's budget", async () => {
    const budget = createSpendBudget({ perUserMicroUsd: 1_000_000, appMicroUsd: 150_000 });
    const kit = createGuardKit({ budget });
    expect((await kit.call({ ...fourImages, as: users.ada })).status).toBe(200);
    expect(await refusalOf(await kit.call({ ...fourImages, as: users.bob }))).toMatchObject({
      status: 429,
      code: "app_budget_exhausted",
    });
    expect(kit.fal).toHaveBeenCalledTimes(1);
  });

  it("gives back the charge and the attempt when fal fails, and keeps the attempt of a budget refusal", async () => {
    const budget = createSpendBudget({ perUserMicroUsd: 100_000, appMicroUsd: 10_000_000 });
    const kit = createGuardKit({
      budget,
      runLimits: createSubmitLimiter({ perMinute: 2, perDay: 100 }),
    });
    kit.fal.mockImplementationOnce(async () => Response.json({ detail: "down" }, { status: 503 }));
    expect((await kit.call(fourImages)).status).toBe(503);
    expect((await budget.status("oidc:ada")).user.spentMicroUsd).toBe(0);
    expect((await kit.call(fourImages)).status).toBe(200);
    // Over budget: refused, and the refusal used the minute's second attempt.
    expect((await refusalOf(await kit.call(fourImages))).code).toBe("user_budget_exhausted");
    expect((await refusalOf(await kit.call(fourImages))).code).toBe("rate_limited");
    expect((await budget.status("oidc:ada")).user.spentMicroUsd).toBe(100_000);
  });

  it("does not charge reads", async () => {
    const budget = createSpendBudget({ perUserMicroUsd: 100_000, appMicroUsd: 10_000_000 });
    const kit = createGuardKit({ budget });
    const id = await kit.submit();
    await kit.call({ method: "GET", target: `https://queue.fal.run/fal-ai/flux/requests/${id}` });
    // The default body: one FLUX.1 [dev] image of 1024 × 768, one megapixel, $0.025.
    expect((await budget.status("oidc:ada")).user.spentMicroUsd).toBe(25_000);
  });
});

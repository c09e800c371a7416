import { expect, test } from "@playwright/test";
import { budgetAppUrl, e2eBudgets } from "./support/e2e-env";
import { emulator } from "./support/emulator";
import { callProxy } from "./support/proxy-calls";
import { apiSignedInAs, browserSignedInAs, freshTestUser } from "./support/sessions";

// One instance whose app-wide budget the second test uses up: the first must run before it.
test.describe.configure({ mode: "serial" });

const devSubmit = "https://queue.fal.run/fal-ai/flux/dev";
const perUser = `$${Number(e2eBudgets.perUserUsd).toFixed(2)}`;

test.beforeEach(async () => {
  await emulator.reset();
});

async function generatorAs(browser: import("@playwright/test").Browser, label: string) {
  const context = await browserSignedInAs(browser, freshTestUser(label), { url: budgetAppUrl });
  const page = await context.newPage();
  await page.goto(`${budgetAppUrl}/`);
  // FLUX.1 [dev], one 1024 × 768 image: one megapixel, $0.025.
  await page.getByLabel("Model").selectOption({ label: "FLUX.1 [dev]" });
  await expect(page.getByText(/^Estimated cost:/)).toHaveText("Estimated cost: $0.025");
  const generate = async (prompt: string) => {
    await page.getByLabel("Prompt").fill(prompt);
    await page.getByRole("button", { name: "Generate", exact: true }).click();
  };
  return { context, page, generate, meter: page.getByRole("region", { name: "Today's budget" }) };
}

test("a user who spends their daily budget is told so, and when it resets", async ({ browser }) => {
  const { context, page, generate, meter } = await generatorAs(browser, "thrifty");
  await expect(meter).toContainText(`Today you have ${perUser} left of ${perUser}`);

  for (const [prompt, left] of [
    ["A first budget image", "$0.025"],
    ["A second budget image", "$0.00"],
  ] as const) {
    await generate(prompt);
    await expect(page.getByRole("img", { name: new RegExp(prompt) })).toBeVisible();
    // The meter is the server's count, asked again after each generation.
    await expect(meter).toContainText(`Today you have ${left} left of ${perUser}`);
  }

  const runsBefore = await emulator.modelRuns();
  await generate("One image too many");
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText(`${perUser} daily budget`);
  await expect(alert).toContainText(/Budgets reset at midnight UTC, (tomorrow )?at \d/);
  await expect(page.getByLabel("Prompt")).toHaveValue("One image too many");
  expect(await emulator.modelRuns()).toBe(runsBefore);
  await context.close();
});

test("the app-wide budget stops a user who has their own budget left", async ({ browser }) => {
  // Other users spend the app's budget, each within their own, until the app refuses.
  let refusal: { error: { code: string; message: string } } | undefined;
  for (let spender = 0; spender < 10 && !refusal; spender += 1) {
    const api = await apiSignedInAs(freshTestUser(`spender-${spender}`));
    for (let run = 0; run < 2 && !refusal; run += 1) {
      const response = await callProxy(api, {
        instance: budgetAppUrl,
        target: devSubmit,
        data: { prompt: "Spending the app's budget" },
      });
      if (response.status() === 429) refusal = await response.json();
      else expect(response.status()).toBe(200);
    }
    await api.dispose();
  }
  expect(refusal?.error.code).toBe("app_budget_exhausted");

  const { context, page, generate, meter } = await generatorAs(browser, "latecomer");
  await expect(meter).toContainText(`Today you have ${perUser} left of ${perUser}`);
  await generate("Too late today");
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("This app");
  await expect(alert).toContainText(/Budgets reset at midnight UTC/);
  await context.close();
});

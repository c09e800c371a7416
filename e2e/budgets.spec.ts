import type { Browser } from "@playwright/test";
import { budgetAppUrl, e2eBudgets } from "../tooling/testing/e2e-env";
import { falUrls } from "../tooling/testing/fal-urls";
import { callProxy } from "../tooling/testing/proxy-calls";
import { apiSignedInAs, browserSignedInAs, freshTestUser } from "../tooling/testing/sessions";
import { emulator } from "./support/emulator";
import { expect, test } from "./support/fixtures";
import { escapeRegExp, generatorPage } from "./support/pages/generator-page";
import { historyPage } from "./support/pages/history-page";

// One instance whose app-wide budget the second test uses up: the first must run before it.
test.describe.configure({ mode: "serial" });

const perUser = `$${Number(e2eBudgets.perUserUsd).toFixed(2)}`;

/** A fresh user's generator on the budget instance, set to one FLUX.1 [dev] image ($0.025). */
async function generatorAs(browser: Browser, label: string) {
  const context = await browserSignedInAs(browser, freshTestUser(label), { url: budgetAppUrl });
  const generator = generatorPage(await context.newPage());
  await generator.goto(budgetAppUrl);
  await generator.chooseModel("FLUX.1 [dev]");
  await expect(generator.estimatedCost).toHaveText("Estimated cost: $0.025");
  return { context, generator };
}

test("a user who spends their daily budget is told so, and when it resets", async ({ browser }) => {
  const { context, generator } = await generatorAs(browser, "thrifty");
  await expect(generator.budget).toContainText(`Today you have ${perUser} left of ${perUser}`);

  // Only the user's own budget, in cents rounded down: what the app has left is not theirs.
  await expect(generator.budget).not.toContainText("app");
  for (const [prompt, left] of [
    ["A first budget image", "$0.02"],
    ["A second budget image", "$0.00"],
  ] as const) {
    await generator.generate(prompt);
    await expect(generator.image(prompt)).toBeVisible();
    // The meter is the server's count, asked again after each generation.
    await expect(generator.budget).toContainText(`Today you have ${left} left of ${perUser}`);
  }

  // The next run is explained by Generate before it is pressed, from the server's count.
  const reason = `This run costs $0.025, more than the $0.00 left of your ${perUser} daily budget.`;
  await expect(generator.overBudget).toContainText(reason);
  await expect(generator.generateButton).toHaveAccessibleDescription(
    new RegExp(escapeRegExp(reason)),
  );
  await expect(generator.generateButton).toHaveAttribute("aria-disabled", "true");
  const runsBefore = await emulator.modelRuns();
  // Pressed anyway (aria-disabled keeps it focusable): it says why, and sends nothing.
  await generator.generateFromPrompt("One image too many");
  await expect(generator.alert).toContainText(reason);
  await expect(generator.alert).toContainText("budgets reset at midnight UTC");
  await expect(generator.prompt).toHaveValue("One image too many");
  expect(await emulator.modelRuns()).toBe(runsBefore);

  // The page itself, rendered again, reads the same store the proxy charged.
  await generator.page.reload();
  await expect(generator.budget).toContainText(`Today you have $0.00 left of ${perUser}`);
  await context.close();
});

test("a video beyond what is left today is explained before Generate, and never sent", async ({
  browser,
}) => {
  const { context, generator } = await generatorAs(browser, "film-maker");
  const page = generator.page;
  await generator.chooseModel("Veo 3.1 Lite");
  await expect(generator.estimatedCost).toHaveText(
    "Estimated cost: 4 s × $0.03/s = $0.12 (720p, silent)",
  );
  const reason = `This run costs $0.12, more than the ${perUser} left of your ${perUser} daily budget.`;
  await expect(generator.overBudget).toContainText(reason);
  await expect(generator.generateButton).toHaveAccessibleDescription(
    new RegExp(escapeRegExp(reason)),
  );

  const runsBefore = await emulator.modelRuns();
  await generator.generateFromPrompt("A clip too dear");
  await expect(generator.alert).toContainText(reason);
  expect(await emulator.modelRuns()).toBe(runsBefore);
  await expect(generator.budget).toContainText(`Today you have ${perUser} left of ${perUser}`);

  // Back to an image the budget covers: nothing stands in the way.
  await generator.chooseModel("FLUX.1 [schnell]");
  await expect(generator.overBudget).toHaveCount(0);
  await expect(generator.generateButton).not.toHaveAttribute("aria-disabled");
  await expect(page.getByLabel("Duration")).toHaveCount(0);
  await context.close();
});

test("a run cancelled while still in fal's queue gives its charge back; one cancelled once started keeps it", async ({
  browser,
}) => {
  const { context, generator } = await generatorAs(browser, "canceller");
  await expect(generator.budget).toContainText(`Today you have ${perUser} left of ${perUser}`);

  await emulator.setTiming({ queueMs: 120_000 });
  await generator.generate("Cancelled while queued");
  await expect(generator.status).toContainText("In queue");
  await generator.cancelButton.click();
  await expect(generator.status).toHaveText("Generation cancelled.");
  await expect(generator.budget).toContainText(`Today you have ${perUser} left of ${perUser}`);
  // The meter after a reload is the server's count, not the page's memory.
  await generator.page.reload();
  await expect(generator.budget).toContainText(`Today you have ${perUser} left of ${perUser}`);

  await emulator.setTiming({ queueMs: 0, runMs: 120_000 });
  await generator.chooseModel("FLUX.1 [dev]");
  await generator.generate("Cancelled while running");
  await expect(generator.status).toContainText("Generating");
  await generator.cancelButton.click();
  await expect(generator.status).toHaveText("Generation cancelled.");
  await expect(generator.budget).toContainText(`Today you have $0.02 left of ${perUser}`);
  await context.close();
});

test("a run fal fails gives its charge back, and the history says it failed", async ({
  browser,
}) => {
  const { context, generator } = await generatorAs(browser, "unlucky");
  await emulator.setTiming({ queueMs: 0, runMs: 0 });
  await emulator.armFault({ on: "result", status: 500 });
  await generator.generate("A run the model fails");
  await expect(generator.alert).toBeVisible();
  await expect(generator.budget).toContainText(`Today you have ${perUser} left of ${perUser}`);

  await generator.page.reload();
  const history = historyPage(generator.page);
  const card = history.entry("A run the model fails");
  await expect(card).toContainText("Failed: the model made nothing for it.");
  await expect(card).toContainText("Charged: nothing (given back)");
  await expect(generator.budget).toContainText(`Today you have ${perUser} left of ${perUser}`);
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
        target: falUrls.submit("fal-ai/flux/dev"),
        data: { prompt: "Spending the app's budget" },
      });
      if (response.status() === 429) refusal = await response.json();
      else expect(response.status()).toBe(200);
    }
    await api.dispose();
  }
  expect(refusal?.error.code).toBe("app_budget_exhausted");

  const { context, generator } = await generatorAs(browser, "latecomer");
  await expect(generator.budget).toContainText(`Today you have ${perUser} left of ${perUser}`);
  // Now the app's budget is what stops the run, so the line says so before Generate.
  await expect(generator.budget).toContainText("The app's daily limit is reached; it resets at");
  // The page knows the app's budget too: the run is explained, and never sent.
  const runsBefore = await emulator.modelRuns();
  await generator.generateFromPrompt("Too late today");
  await expect(generator.alert).toContainText("this app has left today for everyone");
  await expect(generator.alert).toContainText("budgets reset at midnight UTC");
  expect(await emulator.modelRuns()).toBe(runsBefore);
  await context.close();
});

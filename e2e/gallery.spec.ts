import { expectNoAxeViolations } from "./support/axe";
import { emulator } from "./support/emulator";
import { expect, test } from "./support/fixtures";
import { tabTo } from "./support/keyboard";
import type { GeneratorPage } from "./support/pages/generator-page";
import { historyPage } from "./support/pages/history-page";

// Each test counts its own outputs: a user of its own, whose history only it fills.
test.use({ isolatedUser: true });

test.beforeEach(async () => {
  await emulator.setTiming({ queueMs: 0, runMs: 0 });
});

/** Generates and waits until the result's image has loaded. */
async function generateShown(generator: GeneratorPage, prompt: string) {
  await generator.generate(prompt);
  const image = generator.result.getByRole("img", { name: prompt }).first();
  await expect
    .poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth))
    .toBeGreaterThan(0);
}

// The layout holds in both colour schemes (the budget line, hints and cards differ in each).
for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme}`, () => {
    test.use({ colorScheme });

    test("on a phone the first screen holds the prompt and Generate", async ({
      page,
      generator,
    }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await generator.goto();
      await expect(generator.prompt).toBeInViewport({ ratio: 1 });
      await expect(generator.generateButton).toBeInViewport({ ratio: 1 });
      await expect(generator.examplePrompts.first()).toBeVisible();
    });

    test("on a laptop the prompt and the new output are both in view after a run", async ({
      page,
      generator,
    }) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await generator.goto();
      await generateShown(generator, `A harbour at dusk, ${colorScheme}`);
      await expect(generator.prompt).toBeInViewport();
      await expect(generator.generateButton).toBeInViewport();
      await expect(
        generator.result.getByRole("img", { name: `A harbour at dusk, ${colorScheme}` }),
      ).toBeInViewport();
    });
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("a result's buttons sit in one row, each big enough to tap", async ({ generator }) => {
    await generator.goto();
    await generateShown(generator, "A lantern on a step");
    const actions = generator.result.getByRole("button", { name: /^(Download|Edit|Animate)/ });
    await expect(actions).toHaveCount(3);
    const boxes = await Promise.all((await actions.all()).map((action) => action.boundingBox()));
    for (const box of boxes) {
      expect(box?.width).toBeGreaterThanOrEqual(44);
      expect(box?.height).toBeGreaterThanOrEqual(44);
      expect(box?.y).toBe(boxes[0]?.y);
    }
  });
});

test.describe("on a laptop", () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test("after a run the prompt and the new output are both in view; the output is listed once", async ({
    page,
    generator,
  }) => {
    const history = historyPage(page);
    await generator.goto();
    await generateShown(generator, "A harbour at noon");
    await generateShown(generator, "A harbour at night");
    await expect(generator.prompt).toBeInViewport();
    await expect(
      generator.result.getByRole("img", { name: "A harbour at night" }),
    ).toBeInViewport();
    // The newest run is the result; the history lists the one before it.
    await expect.poll(history.prompts).toEqual(["A harbour at noon"]);
    await expect(history.thumbnails).toHaveCount(1);
  });

  test("a past output opens in the viewer after a reload; previous, next and Download work by mouse", async ({
    page,
    generator,
  }) => {
    const history = historyPage(page);
    await generator.goto();
    for (const prompt of ["A first kite", "A second kite", "A third kite"]) {
      await generateShown(generator, prompt);
    }
    await page.reload();
    await expect(history.thumbnails).toHaveCount(3);

    await history.thumbnails.first().click();
    const { viewer } = history;
    await expect(viewer).toBeVisible();
    await expect(viewer.getByText("1 of 3")).toBeVisible();
    await expect(viewer.getByRole("img", { name: "A third kite" })).toBeVisible();
    await viewer.getByRole("button", { name: "Next" }).click();
    await expect(viewer.getByRole("img", { name: "A second kite" })).toBeVisible();
    await viewer.getByRole("button", { name: "Previous" }).click();
    await viewer.getByRole("button", { name: "Previous" }).click();
    await expect(viewer.getByRole("img", { name: "A first kite" })).toBeVisible();
    await expect(viewer.getByText("3 of 3")).toBeVisible();

    const download = page.waitForEvent("download");
    await viewer.getByRole("button", { name: "Download" }).click();
    expect((await download).suggestedFilename()).toMatch(/-1\.png$/);

    await viewer.getByRole("button", { name: "Close" }).click();
    await expect(viewer).toBeHidden();
    // Focus returns to the thumbnail of the output last shown: where the user got to.
    await expect(history.thumbnails.nth(2)).toBeFocused();
  });

  test("the viewer by keyboard: Enter opens, arrows step, Download saves, Escape closes back to the thumbnail", async ({
    page,
    generator,
  }) => {
    const history = historyPage(page);
    await generator.goto();
    await generateShown(generator, "A red door");
    await generateShown(generator, "A blue door");
    await page.reload();

    const thumbnail = history.thumbnails.nth(1);
    await thumbnail.focus();
    await page.keyboard.press("Enter");
    const { viewer } = history;
    await expect(viewer.getByRole("img", { name: "A red door" })).toBeVisible();
    await page.keyboard.press("ArrowRight");
    await expect(viewer.getByRole("img", { name: "A blue door" })).toBeVisible();
    await page.keyboard.press("ArrowLeft");
    await expect(viewer.getByRole("img", { name: "A red door" })).toBeVisible();
    await expectNoAxeViolations(page, "generator: the viewer");

    await tabTo(page, viewer.getByRole("button", { name: "Download" }));
    const download = page.waitForEvent("download");
    await page.keyboard.press("Enter");
    expect((await download).suggestedFilename()).toMatch(/-1\.png$/);
    await page.keyboard.press("Escape");
    await expect(viewer).toBeHidden();
    await expect(thumbnail).toBeFocused();
  });

  test("the result opens in the viewer and steps on into the history; deleting it there clears the result", async ({
    page,
    generator,
  }) => {
    const history = historyPage(page);
    await generator.goto();
    await generateShown(generator, "A small boat");
    await generateShown(generator, "A tall ship");

    await generator.previewButton("A tall ship").click();
    const { viewer } = history;
    await expect(viewer.getByText("1 of 2")).toBeVisible();
    await expect(viewer.getByRole("img", { name: "A tall ship" })).toBeVisible();
    await page.keyboard.press("ArrowRight");
    await expect(viewer.getByRole("img", { name: "A small boat" })).toBeVisible();
    await viewer.getByRole("button", { name: "Previous" }).click();
    await viewer.getByRole("button", { name: "Delete" }).click();
    await expect(viewer.getByRole("img", { name: "A small boat" })).toBeVisible();
    await expect(viewer.getByText("1 of 1")).toBeVisible();
    // The page shows nothing the server no longer has.
    await expect(generator.result).toHaveCount(0);
  });

  test("Delete in the viewer removes the run and shows the next output", async ({
    page,
    generator,
  }) => {
    const history = historyPage(page);
    await generator.goto();
    await generateShown(generator, "A pear");
    await generateShown(generator, "An apple");
    await page.reload();

    await history.thumbnails.first().click();
    await history.viewer.getByRole("button", { name: "Delete" }).click();
    await expect(history.viewer.getByRole("img", { name: "A pear" })).toBeVisible();
    await expect(history.viewer.getByText("1 of 1")).toBeVisible();
    await page.reload();
    await expect.poll(history.prompts).toEqual(["A pear"]);
  });
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
]) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test("axe finds nothing with two and with four outputs", async ({ page, generator }) => {
      await generator.goto();
      await page.getByLabel("Number of images").selectOption("2");
      await generateShown(generator, "Two pebbles");
      await expectNoAxeViolations(page, "generator: two outputs");
      await page.getByLabel("Number of images").selectOption("4");
      await generateShown(generator, "Four shells");
      await expectNoAxeViolations(page, "generator: four outputs and two in history");
    });
  });
}

import { emulator } from "./support/emulator";
import { expect, test } from "./support/fixtures";

test("a blank prompt is an error on the field, and nothing is sent", async ({ generator }) => {
  await generator.goto();
  const runs = await emulator.modelRuns();
  await generator.generate("   \n  ");

  await expect(generator.page.getByText("Enter a prompt.")).toBeVisible();
  await expect(generator.prompt).toHaveAttribute("aria-invalid", "true");
  await expect(generator.prompt).toHaveAccessibleDescription(/Enter a prompt\./);
  await expect(generator.prompt).toBeFocused();
  await expect(generator.progress).toHaveCount(0);
  expect(await emulator.modelRuns()).toBe(runs);

  await generator.prompt.fill("Now a real prompt");
  await expect(generator.prompt).not.toHaveAttribute("aria-invalid");
});

test("a paste over the prompt's limit is kept whole, counted as over, and Generate says what to do", async ({
  generator,
}) => {
  await generator.goto();
  await expect(generator.promptCounter).toHaveText("0 / 2,000 characters");
  await generator.prompt.fill("A fox");
  await expect(generator.promptCounter).toHaveText("5 / 2,000 characters");

  // Inserted as a paste is: a field with maxlength would cut it to 2,000 without a word.
  const pasted = `A fox in the snow, ${"very ".repeat(436)}detailed`;
  expect(pasted.length).toBe(2_207);
  await generator.prompt.fill("");
  await generator.prompt.focus();
  await generator.page.keyboard.insertText(pasted);
  await expect(generator.prompt).toHaveValue(pasted);
  await expect(generator.promptCounter).toHaveText("2,207 / 2,000 characters, 207 over the limit");
  await expect(generator.prompt).toHaveAttribute("aria-invalid", "true");

  const runsBefore = await emulator.modelRuns();
  await generator.generateButton.click();
  await expect(generator.prompt).toHaveAccessibleDescription(
    /The prompt is 207 characters too long \(at most 2,000\): shorten it to generate\./,
  );
  await expect(generator.prompt).toBeFocused();
  expect(await emulator.modelRuns()).toBe(runsBefore);

  // Shortened to the limit, it goes.
  await generator.prompt.fill(pasted.slice(0, 2_000));
  await expect(generator.promptCounter).toHaveText("2,000 / 2,000 characters");
  await generator.generateButton.click();
  await expect(generator.result.getByRole("img").first()).toBeVisible();
});

test("example prompts fill an empty prompt and go away once it has text", async ({ generator }) => {
  await generator.goto();
  const example = generator.examplePrompts.first();
  const text = await example.textContent();
  await example.click();

  await expect(generator.prompt).toHaveValue(text ?? "");
  await expect(generator.prompt).toBeFocused();
  await expect(generator.examplePrompts).toHaveCount(0);
  await generator.prompt.fill("");
  await expect(generator.examplePrompts.first()).toBeVisible();
});

test("while it runs: a placeholder per image at the chosen size, one progress indicator, logs folded", async ({
  page,
  generator,
}) => {
  await emulator.setTiming({ queueMs: 1_000, runMs: 3_000 });
  await generator.goto();
  await page.getByLabel("Image size").selectOption("landscape_16_9");
  await page.getByLabel("Number of images").selectOption("3");
  await generator.generate("A wide valley at dusk, three ways");

  await expect(generator.placeholders).toHaveCount(3);
  const box = await generator.placeholders.first().boundingBox();
  expect((box?.width ?? 0) / (box?.height ?? 1)).toBeCloseTo(1024 / 576, 1);

  await expect(generator.status).toHaveText("Generating…");
  // The status line says it once: not the button, not the panel as well.
  const saysWhere = page.getByText(/^(Submitting…|In queue|Generating…)/);
  await expect(saysWhere.filter({ visible: true })).toHaveCount(1);
  await expect(generator.generateButton).toHaveText("Generate");
  await expect(generator.logLines.first()).toBeHidden();
  await generator.showLogs();
  await expect(generator.logLines.first()).toBeVisible();

  await expect(generator.image("A wide valley at dusk")).toHaveCount(3);
  await expect(generator.placeholders).toHaveCount(0);
});

test("a long prompt gives short alt text; an image opens full size, Next shows the other, and Escape brings focus back", async ({
  page,
  generator,
}) => {
  const prompt = `A lighthouse on a cliff at dawn, ${"with gulls and spray and morning light, ".repeat(40)}`;
  await generator.goto();
  await page.getByLabel("Number of images").selectOption("2");
  await generator.generate(prompt);

  const images = generator.image("A lighthouse on a cliff at dawn");
  await expect(images).toHaveCount(2);
  for (const [index, image] of (await images.all()).entries()) {
    const alt = (await image.getAttribute("alt")) ?? "";
    expect(alt.length).toBeLessThanOrEqual(120);
    expect(alt).toMatch(new RegExp(`…, image ${index + 1} of 2$`));
  }

  const preview = generator.previewButton("A lighthouse on a cliff at dawn").first();
  await preview.click();
  const { viewer } = generator;
  await expect(viewer.getByRole("img", { name: /image 1 of 2$/ })).toBeVisible();
  await viewer.getByRole("button", { name: "Next" }).click();
  await expect(viewer.getByRole("img", { name: /image 2 of 2$/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(viewer).toBeHidden();
  await expect(preview).toBeFocused();

  // Several images: their buttons are the viewer's, and the result says so.
  await expect(generator.result.getByRole("button", { name: "Download" })).toHaveCount(0);
  await expect(generator.result.getByText(/^Open an image to see it full size/)).toBeVisible();
});

test("an error is about what was asked: it shows its focus ring, and goes when the prompt or the model changes", async ({
  generator,
}) => {
  await generator.goto();
  for (const change of ["prompt", "model"] as const) {
    await emulator.armFault({ on: "submit", status: 500 });
    await generator.chooseModel("FLUX.1 [schnell]");
    await generator.generate(`A run that fails, then its ${change} changes`);
    await expect(generator.alert).toContainText("The model could not finish this run.");
    await expect(generator.alert).toBeFocused();
    // Focus moved there after a click, and the ring still shows where it went.
    const ring = await generator.alert.evaluate((panel) => getComputedStyle(panel).outlineStyle);
    expect(ring).not.toBe("none");

    if (change === "prompt") await generator.prompt.fill("Something else");
    else await generator.chooseModel("FLUX.1 [dev]");
    await expect(generator.alert).toBeHidden();
  }
});

import { emulator } from "./support/emulator";
import { expect, test } from "./support/fixtures";

// A small phone: the form fills the screen, so whatever Generate brings is below the fold
// unless the page brings it into view.
test.use({ viewport: { width: 360, height: 740 } });

test("after Generate, the progress and then the result come into view and take focus", async ({
  generator,
}) => {
  await emulator.setTiming({ queueMs: 1_000, runMs: 1_500 });
  await generator.goto();
  await generator.generateFromPrompt("A lighthouse on a cliff at dawn, seen from a phone");

  await expect(generator.progress).toBeFocused();
  await expect(generator.progress).toBeInViewport();
  await expect(generator.result).toBeFocused();
  await expect(generator.result).toBeInViewport();
  await expect(generator.image("A lighthouse on a cliff at dawn")).toBeInViewport();
});

test("with a fault upstream, the error comes into view and takes focus; Try again moves focus on", async ({
  generator,
}) => {
  await emulator.armFault({ on: "submit", status: 500 });
  await emulator.setTiming({ queueMs: 1_000, runMs: 1_000 });
  await generator.goto();
  await generator.generateFromPrompt("A request fal will fail once, on a phone");

  await expect(generator.alert).toBeFocused();
  await expect(generator.alert).toBeInViewport();
  await expect(generator.alert).toContainText("The model could not finish this run.");

  await generator.tryAgainButton.click();
  await expect(generator.progress).toBeFocused();
  await expect(generator.result).toBeFocused();
  await expect(generator.result).toBeInViewport();
});

test("Generate (the button) moves focus to the progress; Cancel, by keyboard, back to the prompt", async ({
  generator,
}) => {
  await emulator.setTiming({ queueMs: 120_000 });
  await generator.goto();
  await generator.generate("A generation cancelled on a phone");
  await expect(generator.progress).toBeFocused(); // the Generate button, now disabled, let it go
  await expect(generator.status).toHaveText(/In queue/);

  await generator.cancelButton.focus();
  await generator.page.keyboard.press("Enter");
  await expect(generator.status).toHaveText("Generation cancelled.");
  await expect(generator.prompt).toBeFocused();
  await expect(generator.prompt).toBeInViewport();
});

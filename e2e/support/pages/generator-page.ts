import type { Page } from "@playwright/test";

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The generator as a user finds it: by role and label. One place for what every spec that
 * fills a prompt and generates does, so a change to the page is one change here.
 */
export function generatorPage(page: Page) {
  const main = page.getByRole("main");
  // Exact: results and history entries are named by their prompts, which may say "prompt".
  const prompt = page.getByLabel("Prompt", { exact: true });
  const generateButton = page.getByRole("button", { name: "Generate", exact: true });
  const progress = page.getByRole("region", { name: "Generation progress" });
  /** The page's own alert; Next.js adds an empty `role="alert"` (its route announcer) outside `main`. */
  const alert = main.getByRole("alert");
  return {
    page,
    prompt,
    generateButton,
    alert,
    tryAgainButton: alert.getByRole("button", { name: "Try again" }),
    /** The one status line: what the generation is doing, read out as it changes. */
    status: main.getByRole("status"),
    budget: page.getByRole("region", { name: "Today's budget" }),
    estimatedCost: page.getByText(/^Estimated cost:/),
    /** Beside Generate: why a run of the chosen settings will not start today. */
    overBudget: page.locator("form").getByText(/^This run costs /),
    promptCounter: page.getByText(/^[\d,]+ \/ [\d,]+ characters/),
    examplePrompts: page
      .getByRole("list", { name: "Or start from an example:" })
      .getByRole("button"),
    progress,
    placeholders: progress.getByRole("list", { name: "Images to come" }).getByRole("listitem"),
    cancelButton: progress.getByRole("button", { name: "Cancel" }),
    logLines: page.getByRole("list", { name: "Logs" }).getByRole("listitem"),
    /** The latest generation's result. */
    result: page.getByRole("region", { name: "Result" }),
    /** The generated image(s) whose alt text starts with `text`. */
    image: (text: string) => page.getByRole("img", { name: new RegExp(`^${escapeRegExp(text)}`) }),
    /** The button over an image that opens it full size. */
    previewButton: (text: string) =>
      page.getByRole("button", { name: new RegExp(`^View full size: ${escapeRegExp(text)}`) }),
    /** Where a result's image opens full size: the gallery's viewer. */
    viewer: page.getByRole("dialog", { name: "Viewer" }),
    goto: (origin = "") => page.goto(`${origin}/`),
    chooseModel: (label: string) =>
      page.getByLabel("Model", { exact: true }).selectOption({ label }),
    /** Opens the logs, which stay folded away while a generation runs. */
    showLogs: () => progress.getByText(/^Logs \(\d+\)$/).click(),
    async generate(text: string) {
      await prompt.fill(text);
      await generateButton.click();
    },
    /** Generates from the prompt with Ctrl+Enter: the page stays scrolled where the prompt is. */
    async generateFromPrompt(text: string) {
      await prompt.fill(text);
      await prompt.press("Control+Enter");
    },
  };
}

export type GeneratorPage = ReturnType<typeof generatorPage>;

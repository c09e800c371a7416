import type { Page } from "@playwright/test";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The generator as a user finds it: by role and label. One place for what every spec that
 * fills a prompt and generates does, so a change to the page is one change here.
 */
export function generatorPage(page: Page) {
  // Exact: results and history entries are named by their prompts, which may say "prompt".
  const prompt = page.getByLabel("Prompt", { exact: true });
  const generateButton = page.getByRole("button", { name: "Generate", exact: true });
  return {
    page,
    prompt,
    generateButton,
    /** The page's own alert; Next.js adds an empty `role="alert"` (its route announcer) outside `main`. */
    alert: page.getByRole("main").getByRole("alert"),
    status: page.getByRole("status"),
    budget: page.getByRole("region", { name: "Today's budget" }),
    estimatedCost: page.getByText(/^Estimated cost:/),
    /** The generated image(s) whose alt text starts with `text`. */
    image: (text: string) => page.getByRole("img", { name: new RegExp(`^${escapeRegExp(text)}`) }),
    goto: (origin = "") => page.goto(`${origin}/`),
    chooseModel: (label: string) =>
      page.getByLabel("Model", { exact: true }).selectOption({ label }),
    async generate(text: string) {
      await prompt.fill(text);
      await generateButton.click();
    },
  };
}

export type GeneratorPage = ReturnType<typeof generatorPage>;

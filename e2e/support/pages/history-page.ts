import type { Page } from "@playwright/test";

/**
 * The generator's History section as a user finds it: a region named "History" with one
 * article per run, named by its prompt, and buttons named after the run they act on; its
 * outputs open in a viewer (a dialog).
 */
export function historyPage(page: Page) {
  const region = page.getByRole("region", { name: "History", exact: true });
  const entries = region.getByRole("listitem").filter({ has: page.getByRole("article") });
  const entry = (prompt: string) => region.getByRole("article", { name: prompt, exact: true });
  return {
    region,
    heading: region.getByRole("heading", { name: "History", exact: true }),
    entries,
    entry,
    /** The runs' prompts, top to bottom. */
    prompts: () => entries.getByRole("heading").allTextContents(),
    emptyState: region.getByText(/^Nothing here yet\./),
    stillRunning: (prompt: string) => entry(prompt).getByText("Still running at fal…"),
    reuseButton: (prompt: string) =>
      entry(prompt).getByRole("button", { name: /^Same settings again: / }),
    deleteButton: (prompt: string) => entry(prompt).getByRole("button", { name: /^Delete: / }),
    /** The buttons over the past outputs that open them in the viewer, newest first. */
    thumbnails: region.getByRole("button", { name: /^View full size: / }),
    viewer: page.getByRole("dialog", { name: "Viewer" }),
  };
}

export type HistoryPage = ReturnType<typeof historyPage>;

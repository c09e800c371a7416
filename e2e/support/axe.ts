import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import type { Result } from "axe-core";

/** WCAG 2.1 A and AA: the rules the issue holds every page and state to. */
export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type ColorScheme = "light" | "dark";

/** One violation as a line a person can act on, with up to five of the elements at fault. */
function describeViolation({ id, impact, help, helpUrl, nodes }: Result): string {
  const elements = nodes
    .slice(0, 5)
    .map((node) => `    ${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ")}`);
  const more = nodes.length > 5 ? [`    …and ${nodes.length - 5} more`] : [];
  return [`${id} (${impact}): ${help} ${helpUrl}`, ...elements, ...more].join("\n");
}

/**
 * Runs axe's WCAG 2.1 A/AA rules on the page as it is now, in each colour scheme (light, then
 * dark), and fails with the list of violations. `state` names what the page shows, for the
 * failure message: `await expectNoAxeViolations(page, "generator: results")`.
 * The page's colour scheme is back to the context's own afterwards.
 */
export async function expectNoAxeViolations(
  page: Page,
  state: string,
  { schemes = ["light", "dark"] }: { schemes?: readonly ColorScheme[] } = {},
) {
  for (const colorScheme of schemes) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    const viewport = page.viewportSize();
    const where = `${state}, ${colorScheme} mode, ${viewport?.width}×${viewport?.height}`;
    expect(violations.map(describeViolation).join("\n\n"), `axe violations on ${where}`).toBe("");
  }
  await page.emulateMedia({ colorScheme: null });
}

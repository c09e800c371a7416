/**
 * Amounts of money as the app keeps them: whole micro-dollars (millionths of a US dollar),
 * so sums and comparisons are exact. No server-only imports: the browser formats with it too.
 */
export const microUsdPerUsd = 1_000_000;

// A fixed locale, so the server and every browser print the same "$1,234.50".
const usd = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 6,
});

/** "$1.00", "$0.025", "$0.000001": cents always, further digits only when the amount has them. */
export function formatUsd(microUsd: number): string {
  return usd.format(microUsd / microUsdPerUsd);
}

const cents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const microUsdPerCent = microUsdPerUsd / 100;

/**
 * What is left, as money is spoken of: whole cents, rounded down so it never promises more
 * than is there, and "less than 1¢" rather than "$0.00" while a little remains.
 */
export function formatMoneyLeft(microUsd: number): string {
  if (microUsd > 0 && microUsd < microUsdPerCent) return "less than 1¢";
  return cents.format(Math.floor(microUsd / microUsdPerCent) / 100);
}

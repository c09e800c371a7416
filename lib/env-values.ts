/** How lib/env.ts reads one value: a default when unset, a problem naming the variable otherwise. */
import "server-only";
import { microUsdPerUsd } from "@/lib/catalog/money";

export type Source = Record<string, string | undefined>;

/** A whole number of at least 1, or the default when unset; a problem naming it otherwise. */
export function count(env: Source, name: string, fallback: number, problems: string[]): number {
  const value = env[name];
  if (value === undefined) return fallback;
  if (/^[1-9][0-9]*$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
  problems.push(`${name} must be a whole number of at least 1 (got "${value}")`);
  return fallback;
}

/** An amount of US dollars above zero, in micro-dollars, or the default when unset. */
export function usd(env: Source, name: string, fallbackUsd: number, problems: string[]): number {
  const value = env[name] ?? String(fallbackUsd);
  if (/^[0-9]+(\.[0-9]{1,6})?$/.test(value) && Number(value) > 0) {
    return Math.round(Number(value) * microUsdPerUsd);
  }
  problems.push(`${name} must be an amount of US dollars above 0, such as 2.50 (got "${value}")`);
  return 0;
}

/** Variables that only work together: their values, or a problem naming the missing one. */
export function pair(env: Source, a: string, b: string, problems: string[]) {
  const [first, second] = [env[a], env[b]];
  if (first && second) return { first, second };
  if (first || second) problems.push(`${first ? b : a} must be set together with ${first ? a : b}`);
  return undefined;
}

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

const loopbackIpv4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/**
 * Parses the emulator URL and refuses anything off this machine: the rerouted requests
 * carry the server's fal key, which must never be sent to a remote host.
 */
export function assertLoopbackUrl(raw: string): URL {
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url)
    throw new Error("FAL_EMULATOR_URL is not a valid URL (expected e.g. http://localhost:4010)");
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`FAL_EMULATOR_URL must use http or https, not "${url.protocol}"`);
  }
  if (url.username || url.password) {
    throw new Error("FAL_EMULATOR_URL must not contain credentials");
  }
  const host = url.hostname;
  if (host !== "localhost" && host !== "[::1]" && !loopbackIpv4.test(host)) {
    throw new Error(
      `FAL_EMULATOR_URL must point at this machine (localhost, 127.x.x.x or [::1]), not "${host}": ` +
        "requests to it carry the server's fal key",
    );
  }
  return url;
}

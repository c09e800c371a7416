/**
 * The session check's cost, warm (the cookie's value verified before, answered from the
 * cache) and cold (a new reader each iteration, so every call verifies). Run by
 * session-check.ts as `node --conditions=react-server --import tsx`: the module imports
 * "server-only", which only that condition lets load outside Next.js. Prints one JSON line.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Bench, type Task } from "tinybench";
import { sessionCookie } from "../../e2e/support/sessions";
import { benchUser } from "./bench-env";

/** lib/auth/session-token.ts: one verification per distinct cookie value, then a cache. */
type SessionTokenModule = {
  createSessionTokenReader(options: {
    secret: string;
    secureCookie: boolean;
    maxEntries?: number;
    maxAgeMs?: number;
    now?: () => number;
  }): (headers: Headers) => Promise<{ email?: string | null } | null>;
};

/** Milliseconds per check. */
export type CheckLatency = { p50: number; p99: number; samples: number };
export type SessionCheckReport = { skipped: string } | { warm: CheckLatency; cold: CheckLatency };

const moduleUrl = new URL("../../lib/auth/session-token.ts", import.meta.url);

function print(report: SessionCheckReport): void {
  console.log(JSON.stringify(report));
}

function latency(task: Task | undefined): CheckLatency {
  const result = task?.result;
  if (result?.state !== "completed") throw new Error(`${task?.name} did not complete`);
  const { p50, p99, samplesCount } = result.latency;
  return { p50, p99, samples: samplesCount };
}

if (!existsSync(fileURLToPath(moduleUrl))) {
  print({ skipped: "lib/auth/session-token.ts is not in this checkout yet" });
} else {
  const { createSessionTokenReader } = (await import(moduleUrl.href)) as SessionTokenModule;
  const secret = "bench-session-secret-0123456789abcdef";
  const { name, value } = await sessionCookie(benchUser, secret);
  const headers = new Headers({ cookie: `${name}=${value}; other=1` });
  const options = { secret, secureCookie: false };

  const reader = createSessionTokenReader(options);
  const user = await reader(headers);
  if (user?.email !== benchUser.email) throw new Error("the reader did not accept the cookie");

  let fresh = createSessionTokenReader(options);
  const bench = new Bench({ time: 1_000, warmupTime: 200 });
  bench.add("warm", () => reader(headers));
  bench.add("cold", () => fresh(headers), {
    beforeEach: () => {
      fresh = createSessionTokenReader(options);
    },
  });
  await bench.run();
  print({ warm: latency(bench.getTask("warm")), cold: latency(bench.getTask("cold")) });
}

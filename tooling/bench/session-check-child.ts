/**
 * The session check's cost, warm (the cookie's value verified before, answered from the
 * cache) and cold (a new reader each iteration, so every call verifies). Run by
 * session-check.ts as `node --conditions=react-server --import tsx`: the module imports
 * "server-only", which only that condition lets load outside Next.js. Prints one JSON line.
 */
import { Bench, type Task } from "tinybench";
import { createSessionTokenReader } from "@/lib/auth/session-token";
import { sessionCookie } from "../testing/sessions";
import { appUrl, benchUser } from "./bench-env";

/** Milliseconds per check. */
export type CheckLatency = { p50: number; p99: number; samples: number };
export type SessionCheckReport = { warm: CheckLatency; cold: CheckLatency };

function latency(task: Task | undefined): CheckLatency {
  const result = task?.result;
  if (result?.state !== "completed") throw new Error(`${task?.name} did not complete`);
  const { p50, p99, samplesCount } = result.latency;
  return { p50, p99, samples: samplesCount };
}

const secret = "bench-session-secret-0123456789abcdef";
// The bench app's URL is http, so the cookie has no `__Secure-` prefix, as sessionCookie mints it.
const options = { secret, authUrl: appUrl, sessionMaxAgeSeconds: 7 * 86_400 };
const { name, value } = await sessionCookie(benchUser, secret);
const headers = new Headers({ cookie: `${name}=${value}; theme=dark` });

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
console.log(
  JSON.stringify({
    warm: latency(bench.getTask("warm")),
    cold: latency(bench.getTask("cold")),
  } satisfies SessionCheckReport),
);

/** The load table, where the proxy's time goes, and what its added latency is made of. */
import type { Results } from "./results";
import { ms } from "./stats";
import { table } from "./table";

const ratio = (value: number) =>
  `${value >= 10 ? value.toFixed(1) : value >= 1 ? value.toFixed(2) : value.toPrecision(2)}×`;
const rate = (value: number) => value.toFixed(0);

export function loadSection({ load, loadSeconds, warmupSeconds }: Results): string {
  const rows = load.map(({ operation, connections, emulator: e, proxy: p }) => [
    operation,
    String(connections),
    ms(e.p50),
    ms(e.p99),
    rate(e.rps),
    ms(p.p50),
    ms(p.p99),
    rate(p.rps),
    ms(p.p50 - e.p50),
    ratio(p.p50 / e.p50),
    ratio(p.p99 / e.p99),
    ratio(p.rps / e.rps),
  ]);
  const headers = ["operation", "conn.", "emulator p50", "p99", "req/s", "proxy p50", "p99"];
  headers.push("req/s", "added p50", "latency × p50", "× p99", "throughput ×");
  return [
    "## The proxy under load",
    "",
    `autocannon, ${loadSeconds} s per case (\`BENCH_SECONDS\`) after a ${warmupSeconds} s ` +
      "warm-up (`BENCH_WARMUP_SECONDS`), every answer " +
      "checked to be 2xx. " +
      "**emulator**: straight to the emulator with the key, as the server calls fal. " +
      "**proxy**: `/api/fal/proxy` with a session cookie and `x-fal-target-url`: the session " +
      "check, allow-list, target rules, the submit's input check, request ownership, limits " +
      "and budgets (set out of reach) and the " +
      "audit line, then the same call to the emulator. *status* polls one request the bench " +
      "user owns. The ratios are proxy ÷ emulator from this run.",
    "",
    table(headers, rows, new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 11])),
    "",
    insideProxySection(load),
  ].join("\n");
}

function insideProxySection(load: Results["load"]): string {
  const rows = load.map(({ operation, connections, proxy, insideProxy: inside }) => [
    operation,
    String(connections),
    ms(proxy.p50),
    ms(inside.routeP50),
    ms(inside.upstreamP50),
    ms(inside.guardP50),
    ms(proxy.p50 - inside.routeP50),
  ]);
  const headers = ["operation", "conn.", "client p50", "route handler", "of it: upstream"];
  headers.push("of it: guard", "outside the handler");
  return [
    "Where the proxy's time goes, from the app's own audit lines for the same runs (p50s): " +
      "**route handler** is `durationMs`; **upstream** is `upstreamMs`, the time in " +
      "`@fal-ai/server-proxy` until the emulator's headers (building the request, Next's " +
      "patched `fetch`, the emulator); **guard** is the rest of the handler (session check, " +
      "allow-list, target rules, body and input check, ownership, limits and budgets); " +
      "**outside the handler** is the " +
      "client's p50 minus the handler's: Next's routing, streaming the body out (for status, " +
      "also reading it from the emulator, which submit does inside the handler to record " +
      "the request's owner), and the network on loopback.",
    "",
    table(headers, rows, new Set([2, 3, 4, 5, 6])),
  ].join("\n");
}

/** What the proxy's added latency at one connection is made of, from this run's audit lines. */
export function addedLatencyNote({ load }: Results): string {
  const parts = load
    .filter((row) => row.connections === 1)
    .map(({ operation, emulator, proxy, insideProxy: inside }) => {
      const outside = proxy.p50 - inside.routeP50;
      return (
        `${operation}: ${ms(proxy.p50 - emulator.p50)} added = the upstream call through ` +
        `\`@fal-ai/server-proxy\` ${ms(inside.upstreamP50)} (the emulator itself answers in ` +
        `${ms(emulator.p50)}) + the guard ${ms(inside.guardP50)} + Next.js outside the route ` +
        `handler ${ms(outside)}`
      );
    });
  return (
    "Where the proxy's added latency goes (p50s; see the breakdown under the load table): " +
    `${parts.join("; ")}. The guard is this starter's own code; the upstream call (Next's ` +
    "patched `fetch` and undici inside the server) and Next's request handling are what " +
    "any Next.js route that forwards a request with `fetch` pays."
  );
}

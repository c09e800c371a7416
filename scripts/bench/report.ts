/** The run's results as Markdown: printed to the terminal and written to docs/performance.md. */
import { judgeGoals } from "./goals";
import type { Results } from "./results";
import { kib, ms } from "./stats";
import { table } from "./table";

const ratio = (value: number) =>
  `${value >= 10 ? value.toFixed(1) : value >= 1 ? value.toFixed(2) : value.toPrecision(2)}×`;
const rate = (value: number) => value.toFixed(0);

function machineSection({ machine, commit }: Results): string {
  return [
    `Measured by \`npm run bench\` on ${machine.date}, at commit ${commit}.`,
    "",
    `- CPU: ${machine.cpu}, ${machine.cores} cores`,
    `- Memory: ${machine.memoryGiB} GiB`,
    `- Node.js ${machine.node}, ${machine.os}`,
    `- 1-minute load average at the start: ${machine.loadAtStart} (other work on the machine shows in the numbers)`,
  ].join("\n");
}

function loadSection({ load, loadSeconds, warmupSeconds }: Results): string {
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
      "check, allow-list, target rules, request ownership, limits (set out of reach) and the " +
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
      "allow-list, target rules, body, ownership, limits); **outside the handler** is the " +
      "client's p50 minus the handler's: Next's routing, streaming the body out, and the " +
      "network on loopback.",
    "",
    table(headers, rows, new Set([2, 3, 4, 5, 6])),
  ].join("\n");
}

function sessionSection({ sessionCheck }: Results): string {
  const intro = [
    "## Session check",
    "",
    "`createSessionTokenReader` (lib/auth/session-token.ts) timed with tinybench, in a Node " +
      "process of its own (`--conditions=react-server`, as the module imports `server-only`). " +
      "Warm: the same cookie again, answered from the cache. Cold: a new reader each time, " +
      "so each call decrypts and verifies the cookie. Each sample includes one `await`.",
    "",
  ];
  const rows = (["warm", "cold"] as const).map((name) => {
    const { p50, p99, samples } = sessionCheck[name];
    return [name, ms(p50), ms(p99), String(samples)];
  });
  return [...intro, table(["cache", "p50", "p99", "samples"], rows, new Set([1, 2, 3]))].join("\n");
}

function streamSection({ streamLatency }: Results): string {
  const rows = (["emulator", "proxy"] as const).map((route) => {
    const { p50, max, n } = streamLatency[route];
    return [
      route === "emulator" ? "emulator, direct" : "through the proxy",
      ms(p50),
      ms(max),
      String(n),
    ];
  });
  return [
    "## Status stream",
    "",
    "After one unmeasured round: a request queued for 300 ms; its status stream opened (Node `fetch`, parsed with " +
      "eventsource-parser) while it waits. Measured: when the first `IN_PROGRESS` frame is " +
      "parsed, minus the moment the emulator's schedule starts the request (`startedAt` from " +
      "`GET /__emulator/requests/<id>`). The direct row is the emulator's own timer delay.",
    "",
    table(["path", "p50", "max", "runs"], rows, new Set([1, 2, 3])),
  ].join("\n");
}

function imageSection({ timeToImage }: Results): string {
  const steps = [
    ["the browser asks for the result", timeToImage.resultRequested],
    ["the browser asks for the image", timeToImage.imageRequested],
    ["the image is shown (`load`)", timeToImage.shown],
  ] as const;
  const rows = steps.map(([step, summary]) =>
    summary ? [step, ms(summary.p50), ms(summary.max)] : [step, "not seen", ""],
  );
  return [
    "## Time to image",
    "",
    `${timeToImage.shown.n} generations (after one unmeasured) in Chromium through the real ` +
      "UI (queue 200 ms, run 500 ms), each step timed from the emulator's `completedAt`. " +
      "Shown: the page's `Date.now()` in the image's `load` event. It includes the UI " +
      "noticing completion (its polling or stream), fetching the result, rendering, and " +
      "downloading and decoding the PNG the emulator draws.",
    "",
    table(["after the emulator completes", "p50", "max"], rows, new Set([1, 2])),
  ].join("\n");
}

function weightSection({ clientWeight }: Results): string {
  const rows = clientWeight.chunks
    .slice(0, 8)
    .map((chunk) => [chunk.name, kib(chunk.transferBytes), kib(chunk.decodedBytes)]);
  return [
    "## Client weight",
    "",
    "The JavaScript of a signed-in first visit to `/` in Chromium (empty cache), summed " +
      "from the script responses: transferred (body as sent, " +
      `${clientWeight.encodings.join(", ")}) and decoded. ` +
      `${clientWeight.chunks.length} scripts: **${kib(clientWeight.transferBytes)} ` +
      `transferred, ${kib(clientWeight.decodedBytes)} decoded**. The biggest:`,
    "",
    table(["script", "transferred", "decoded"], rows, new Set([1, 2])),
  ].join("\n");
}

function goalsSection(results: Results): string {
  const rows = judgeGoals(results).map((v) => [v.goal, v.limit, v.measured, v.verdict]);
  return [
    "## Goals",
    "",
    table(["goal", "limit", "measured", "verdict"], rows),
    "",
    addedLatencyNote(results),
  ].join("\n");
}

/** What the proxy's added latency at one connection is made of, from this run's audit lines. */
function addedLatencyNote({ load }: Results): string {
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

export function renderReport(results: Results): string {
  return [
    "# Performance",
    machineSection(results),
    "The production build (`next start`) with the local fal emulator and in-memory limits " +
      "and ownership (no `REDIS_URL`); the load generator, the app and the emulator each " +
      "run in their own process on this one machine. Run `npm run bench` to measure again; " +
      "it rewrites this file.",
    goalsSection(results),
    loadSection(results),
    sessionSection(results),
    streamSection(results),
    imageSection(results),
    weightSection(results),
  ].join("\n\n");
}

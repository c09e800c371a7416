import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { summarizeCpuProfile } from "./cpu-profile";

const app = "file:///tmp/copy/.next/server/chunks/route.js";
const next = "file:///tmp/copy/node_modules/next/dist/server/base-server.js";
const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 9 });

/** 10 samples of 1 ms: Next 1, calling the guard 2, which calls readInput 4 and itself 1; idle 2. */
function writeProfile(): string {
  const nodes = [
    { id: 1, callFrame: frame("(root)", ""), children: [2, 6] },
    { id: 2, callFrame: frame("handleRequest", next), hitCount: 1, children: [3] },
    { id: 3, callFrame: frame("guard", app), hitCount: 2, children: [4, 5] },
    { id: 4, callFrame: frame("readInput", app), hitCount: 4 },
    { id: 5, callFrame: frame("guard", app), hitCount: 1 },
    { id: 6, callFrame: frame("(idle)", ""), hitCount: 2 },
  ];
  const path = join(mkdtempSync(join(tmpdir(), "cpu-profile-")), "app.cpuprofile");
  writeFileSync(
    path,
    JSON.stringify({ nodes, startTime: 0, endTime: 10_000, samples: Array(10).fill(0) }),
  );
  return path;
}

describe("the CPU profile summary", () => {
  it("sums self time by file and by function, the files named from node_modules or the build", () => {
    const summary = summarizeCpuProfile(writeProfile());
    expect(summary.totalMs).toBe(10);
    expect(summary.byFile.map(({ name, ms }) => [name, ms])).toEqual([
      [".next/server/chunks/route.js", 7],
      ["(native or V8)", 2],
      ["next/dist/server/base-server.js", 1],
    ]);
    expect(summary.byFunction[0]).toEqual({
      name: "readInput .next/server/chunks/route.js:10",
      ms: 4,
      share: 0.4,
    });
  });

  it("gives the build's functions what they call, a function inside itself once", () => {
    const inclusive = summarizeCpuProfile(writeProfile()).appInclusive;
    expect(inclusive.map(({ name, ms }) => [name, ms])).toEqual([
      ["guard .next/server/chunks/route.js:10", 7],
      ["readInput .next/server/chunks/route.js:10", 4],
    ]);
  });
});

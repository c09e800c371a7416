/**
 * Reads a V8 `.cpuprofile` (what `node --cpu-prof` writes) and sums self time: by source file
 * and by function, so a report can name where a server's CPU went.
 */
import { readFileSync } from "node:fs";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};
type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] };

export type SelfTime = { name: string; ms: number; share: number };
export type ProfileSummary = { totalMs: number; byFile: SelfTime[]; byFunction: SelfTime[] };

/** node_modules/next/dist/compiled/… → next/dist/compiled/…; the bench copy's folder goes. */
function shortFile(url: string): string {
  if (!url) return "(native or V8)";
  const path = url.replace(/^file:\/\//, "");
  const inModules = path.lastIndexOf("node_modules/");
  if (inModules >= 0) return path.slice(inModules + "node_modules/".length);
  const inBuild = path.indexOf("/.next/");
  return inBuild >= 0 ? path.slice(inBuild + 1) : path;
}

function top(totals: Map<string, number>, totalMs: number, count: number): SelfTime[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => ({ name, ms, share: ms / totalMs }));
}

export function summarizeCpuProfile(path: string, count = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const msPerSample = totalMs / Math.max(profile.samples.length, 1);
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = (node.hitCount ?? 0) * msPerSample;
    if (ms === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = shortFile(url);
    const fn = `${functionName || "(anonymous)"} ${file}${url ? `:${lineNumber + 1}` : ""}`;
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  return {
    totalMs,
    byFile: top(byFile, totalMs, count),
    byFunction: top(byFunction, totalMs, count),
  };
}

/**
 * Reads a V8 `.cpuprofile` (what `node --cpu-prof` writes) and sums self time: by source file
 * and by function, so a report can name where a server's CPU went.
 */
import { readFileSync } from "node:fs";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
};
type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[] };

export type SelfTime = { name: string; ms: number; share: number };
export type ProfileSummary = {
  totalMs: number;
  byFile: SelfTime[];
  byFunction: SelfTime[];
  /** Functions of the app's build (.next/), with what they call synchronously: the guard's
   * stages show here by name in an unminified build. */
  appInclusive: SelfTime[];
};

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

const functionKey = ({ callFrame: { functionName, url, lineNumber } }: ProfileNode) =>
  `${functionName || "(anonymous)"} ${shortFile(url)}${url ? `:${lineNumber + 1}` : ""}`;

export function summarizeCpuProfile(path: string, count = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const msPerSample = totalMs / Math.max(profile.samples.length, 1);
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = (node.hitCount ?? 0) * msPerSample;
    if (ms === 0) continue;
    const file = shortFile(node.callFrame.url);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    byFunction.set(functionKey(node), (byFunction.get(functionKey(node)) ?? 0) + ms);
  }
  return {
    totalMs,
    byFile: top(byFile, totalMs, count),
    byFunction: top(byFunction, totalMs, count),
    appInclusive: top(appInclusive(profile, msPerSample), totalMs, count),
  };
}

/** Inclusive time of the build's own functions; a function inside itself counts once. */
function appInclusive(profile: CpuProfile, msPerSample: number): Map<string, number> {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  const inclusive = (node: ProfileNode, open: Set<string>): number => {
    const key = functionKey(node);
    const counted = node.callFrame.url.includes("/.next/") && !open.has(key);
    if (counted) open.add(key);
    let ms = (node.hitCount ?? 0) * msPerSample;
    for (const child of node.children ?? []) {
      const next = nodes.get(child);
      if (next) ms += inclusive(next, open);
    }
    if (counted) {
      open.delete(key);
      totals.set(key, (totals.get(key) ?? 0) + ms);
    }
    return ms;
  };
  const root = profile.nodes[0];
  if (root) inclusive(root, new Set());
  return totals;
}

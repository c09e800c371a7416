/**
 * Every path the README and docs/ name is in the tree, so a file that moves takes its docs
 * along or this fails. Checked: backticked paths (`lib/proxy/guard.ts`, `tooling/`, a bare
 * `models.ts`), the Map's tree, relative links and their #anchors, and the heading the deploy
 * form's link lands on. URLs, routes (`/api/uploads`), env names, MIME types, packages and fal
 * endpoint ids are not paths and are left alone.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const read = (path: string) => readFileSync(join(root, path), "utf8");

const docs = [
  "README.md",
  ...readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

/** What git would commit: tracked and new files, as on disk. */
const tree = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], {
  cwd: root,
})
  .toString()
  .split("\0")
  .filter((file) => file && existsSync(join(root, file)));
const treeFiles = new Set(tree);
const treeNames = new Set(tree.map((file) => basename(file)));

/** Files the docs tell a project to create (the ports), which this tree does not have. */
const yoursToCreate = new Set([
  "pages/",
  "pages/api/fal/proxy.ts",
  "pages/api/fal/proxy/[...path].ts",
  "lib/proxy/fal-proxy.ts",
  "lib/proxy/node-bridge.ts",
  "lib/proxy/fal-proxy-listener.ts",
  "server.ts",
  "tsconfig.server.json",
]);

/** Spans with a slash that are not repo paths. */
const notPaths = [
  /^(image|text|application)\//, // MIME types
  /^(fal-ai|workflows|comfy)\//, // fal endpoint ids
  /^(next|next-auth|node_modules)\//, // packages
  /^(OWNER\/REPO|owner\/alias)$/, // placeholders
];

/** The extensions a bare file name is checked for; `logo.svg` in the attack table is not ours. */
const checkedExtensions = /\.(ts|tsx|md|json|mjs|yml|css)$/;

/**
 * The repo path a backticked span names, or nothing: one word, relative, no URL, no scheme,
 * with a slash or a checked extension.
 */
function pathIn(span: string): string | undefined {
  if (/[\s<>:"'=?{}()|,\\%]|^[/@~-]|^\.\.?\//.test(span)) return undefined;
  if (span.includes("/")) return notPaths.some((pattern) => pattern.test(span)) ? undefined : span;
  return checkedExtensions.test(span) ? span : undefined;
}

const outsideCodeBlocks = (text: string) => text.replace(/^```[\s\S]*?^```/gm, "");

function backtickedPaths(doc: string): string[] {
  const spans = outsideCodeBlocks(read(doc)).matchAll(/`([^`\n]+)`/g);
  const paths = [...spans].map(([, span]) => pathIn(span ?? ""));
  return [...new Set(paths.filter((path): path is string => path !== undefined))];
}

/** Paths git ignores: what the tests, the bench and a developer write (`.env.local`, `e2e/.logs/`). */
function ignoredByGit(paths: string[]): Set<string> {
  if (paths.length === 0) return new Set();
  const run = spawnSync("git", ["check-ignore", "--no-index", "--stdin"], {
    cwd: root,
    input: paths.join("\n"),
  });
  return new Set(run.stdout.toString().split("\n").filter(Boolean));
}

/** Whether `path` (a file, a folder ending in `/`, a `*` glob, or a bare file name) is here. */
function isInTree(path: string): boolean {
  if (path.includes("*")) {
    const pattern = new RegExp(`^${path.replaceAll(".", "\\.").replaceAll("*", "[^/]*")}$`);
    // A bare glob (`*.test.ts`) is about file names, in any folder.
    return tree.some((file) => pattern.test(path.includes("/") ? file : basename(file)));
  }
  if (!path.includes("/")) return treeNames.has(path) || treeFiles.has(path);
  if (path.endsWith("/")) return tree.some((file) => file.startsWith(path));
  return treeFiles.has(path) || tree.some((file) => file.startsWith(`${path}/`));
}

function missingFrom(paths: string[]): string[] {
  const absent = paths.filter((path) => !isInTree(path) && !yoursToCreate.has(path));
  const ignored = ignoredByGit(absent);
  return absent.filter((path) => !ignored.has(path));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const slugOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

const anchorsOf = (doc: string) =>
  new Set(
    [...outsideCodeBlocks(read(doc)).matchAll(/^#{1,6} (.+)$/gm)].map(([, heading]) =>
      slugOf(heading ?? ""),
    ),
  );

/** Relative links (`[text](docs/security.md#uploads)`, images too), resolved from the doc. */
function relativeLinks(doc: string): Array<{ target: string; path: string; anchor?: string }> {
  const prose = outsideCodeBlocks(read(doc)).replace(/`[^`\n]+`/g, "");
  const links = prose.matchAll(/\]\(([^)\s]+)\)/g);
  return [...links]
    .map(([, target = ""]) => target)
    .filter((target) => !/^[a-z]+:/.test(target))
    .map((target) => {
      const [file = "", anchor] = target.split("#");
      const path = file === "" ? doc : normalize(join(dirname(doc), file));
      return { target, path, anchor };
    });
}

/** The Map's tree in the README: one path a line, indented two spaces under its folder. */
function mapPaths(): string[] {
  const map = read("README.md").match(/^## Map\n[\s\S]*?^```text\n([\s\S]*?)^```/m)?.[1] ?? "";
  const folders: string[] = [];
  return map
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => {
      const depth = (line.length - line.trimStart().length) / 2;
      const entry = line.trim().split(/\s+/)[0] ?? "";
      folders.length = depth;
      const path = folders.join("") + entry;
      if (entry.endsWith("/")) folders[depth] = entry;
      return path;
    });
}

describe("the paths the docs name", () => {
  it.each(docs)("every backticked path in %s is in the tree", (doc) => {
    expect(missingFrom(backtickedPaths(doc))).toEqual([]);
  });

  it("every entry of the README's Map is in the tree", () => {
    const entries = mapPaths();
    expect(entries.length).toBeGreaterThan(10);
    expect(missingFrom(entries)).toEqual([]);
  });

  it.each(docs)("every relative link in %s reaches a file, and a heading there", (doc) => {
    const broken = relativeLinks(doc).filter(({ path, anchor }) => {
      if (!existsSync(join(root, path))) return true;
      return anchor !== undefined && !anchorsOf(path).has(anchor);
    });
    expect(broken.map(({ target }) => target)).toEqual([]);
  });

  it("the deploy form's link lands on a heading of the README", () => {
    const envLink = read("README.md").match(/envLink=([^&)\s]+)/)?.[1];
    const anchor = decodeURIComponent(envLink ?? "").split("#")[1];
    expect(anchor).toBeDefined();
    expect(anchorsOf("README.md")).toContain(anchor);
  });
});

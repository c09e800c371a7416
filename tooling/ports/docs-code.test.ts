/**
 * The code the README and docs/ show is the code in the tree, so a reader never pastes a
 * version that no longer exists. A ```ts block is either a whole file from `shown` (the ports'
 * relative imports written as a project would have them) or an excerpt, marked by the line
 * `<!-- excerpt: path -->` before it, that appears verbatim in that file. The walls in
 * docs/development.md are run as written, and each must find nothing.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

/** Where the docs tell a project to put the ports' bridge: `lib/proxy/`, beside the guard. */
const asPasted = (file: string) =>
  read(file).trimEnd().replaceAll('from "./node-bridge"', 'from "@/lib/proxy/node-bridge"');

/** Each doc, and the files it shows whole. */
const shown: Array<[doc: string, file: string]> = [
  ["docs/security.md", "app/api/fal/proxy/route.ts"],
  ["docs/pages-router.md", "app/api/fal/proxy/route.ts"],
  ["docs/pages-router.md", "tooling/ports/node-bridge.ts"],
  ["docs/pages-router.md", "tooling/ports/pages-api-fal-proxy.ts"],
  ["docs/custom-server.md", "tooling/ports/fal-proxy-listener.ts"],
];

const docs = [
  "README.md",
  ...readdirSync(new URL("../../docs/", import.meta.url))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

/** The TypeScript blocks of a doc, each with the excerpt marker before it, if any. */
function typeScriptBlocks(doc: string): Array<{ code: string; excerptOf?: string }> {
  const blocks = read(doc).matchAll(
    /(?:<!-- excerpt: (?<file>\S+) -->\n)?```tsx?\n(?<code>[\s\S]*?)\n```/g,
  );
  return [...blocks].map((block) => ({
    code: block.groups?.code ?? "",
    excerptOf: block.groups?.file,
  }));
}

describe("the code the docs show", () => {
  it.each(shown)("%s shows %s as it is", (doc, file) => {
    expect(read(doc)).toContain(`\`\`\`ts\n${asPasted(file)}\n\`\`\``);
  });

  it.each(docs)(
    "every TypeScript block in %s is a file in the tree, or an excerpt of one",
    (doc) => {
      const whole = shown.filter(([shownIn]) => shownIn === doc).map(([, file]) => asPasted(file));
      for (const { code, excerptOf } of typeScriptBlocks(doc)) {
        if (excerptOf) expect(read(excerptOf), `an excerpt of ${excerptOf}`).toContain(code);
        else
          expect(
            whole,
            `a block in ${doc}: mark it as an excerpt or add it to \`shown\``,
          ).toContain(code);
      }
    },
  );
});

/** The greps under "## The walls" in docs/development.md, one a line. */
const walls = (
  read("docs/development.md").match(/^## The walls\n[\s\S]*?^```bash\n([\s\S]*?)^```/m)?.[1] ?? ""
)
  .split("\n")
  .filter((line) => line.trim());

describe("the walls in docs/development.md", () => {
  it("are there", () => {
    expect(walls.length).toBeGreaterThanOrEqual(4);
  });

  // grep and a POSIX shell, as the doc says to run them.
  const named = walls.map((wall) => [wall.split("   # ").at(-1) ?? wall, wall]);
  it.skipIf(process.platform === "win32").each(named)("%s: the grep finds nothing", (_, wall) => {
    const run = spawnSync("bash", ["-c", wall], {
      cwd: fileURLToPath(new URL("../../", import.meta.url)),
      encoding: "utf8",
    });
    expect(run.error).toBeUndefined();
    expect(`${run.stdout}${run.stderr}`).toBe("");
  });
});

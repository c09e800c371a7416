/**
 * docs/security.md's attack table says which tests prove each row. Each row names test files
 * (`lib/proxy/target.test.ts`), each followed by the quoted names of its tests, as the file
 * writes them: a parametrised test by its title ("refuses %s with 400 invalid_target") and
 * its cases ("a dot-dot segment"). A test renamed, moved or gone makes its row fail here.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

const header = "| an attacker tries to | what stops it | proved by |";

/** The table's rows, each as its three cells (a `\|` inside a cell is not a border). */
function attackRows(): string[][] {
  const lines = read("docs/security.md").split("\n");
  const start = lines.indexOf(header);
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(
      line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

/** The files a "proved by" cell names, each with the test names quoted after it. */
function proofsIn(cell: string): Array<{ file: string; names: string[] }> {
  const proofs: Array<{ file: string; names: string[] }> = [];
  for (const [, file, name] of cell.matchAll(/`([^`]+)`|"([^"]+)"/g)) {
    if (file) proofs.push({ file, names: [] });
    else if (name) proofs.at(-1)?.names.push(name);
  }
  return proofs;
}

const rows = attackRows();

describe("the attack table in docs/security.md", () => {
  it("has its rows", () => {
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) expect(row).toHaveLength(3);
  });

  it.each(rows.map((row) => [row[0] ?? "", row[2] ?? ""]))(
    "names the tests that stop an attacker who tries to %s",
    (_, proved) => {
      const proofs = proofsIn(proved);
      expect(proofs.length, "a row names at least one test file").toBeGreaterThan(0);
      expect(proved.trimStart().startsWith("`"), "the cell starts with a file").toBe(true);
      for (const { file, names } of proofs) {
        expect(existsSync(new URL(`../../${file}`, import.meta.url)), `${file} exists`).toBe(true);
        expect(names.length, `${file}: name its tests`).toBeGreaterThan(0);
        const text = read(file);
        for (const name of names) expect(text, `${file} has "${name}"`).toContain(name);
      }
    },
  );
});

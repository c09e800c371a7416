/**
 * `npm run prices` itself, run as package.json runs it, against the in-process emulator
 * and a temporary copy of lib/catalog/prices.json.
 */
import { type ExecFileException, execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emulatorForFile, startTestEmulator, testFalKey } from "@/tooling/emulator/testing";
import { utcDate } from "./price-table";

const emu = emulatorForFile();
const root = fileURLToPath(new URL("../../", import.meta.url));
// Starting node and compiling the script with tsx takes a second or two on a busy machine.
const scriptTimeoutMs = 30_000;

type Outcome = { code: number; stdout: string; stderr: string };

async function runScript(env: Record<string, string>, args: string[]): Promise<Outcome> {
  const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8"));
  const [command = "", ...scriptArgs] = (pkg.scripts.prices as string).split(" ");
  // Never the developer's own fal settings: Node leaves out variables set to undefined.
  const childEnv = {
    ...process.env,
    FAL_KEY: undefined,
    FAL_KEY_ID: undefined,
    FAL_KEY_SECRET: undefined,
    FAL_EMULATOR_URL: undefined,
    ...env,
  };
  return new Promise((resolve) => {
    execFile(
      command,
      [...scriptArgs, ...args],
      { cwd: root, env: childEnv },
      (error: ExecFileException | null, stdout: string, stderr: string) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

let dir: string;
let file: string;
let stale: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "prices-script-"));
  file = join(dir, "prices.json");
  const table = JSON.parse(await readFile(join(root, "lib/catalog/prices.json"), "utf8"));
  table["fal-ai/flux/dev"].unitPriceUsd = 0.02;
  stale = `${JSON.stringify(table, null, 2)}\n`;
  await writeFile(file, stale);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("npm run prices", () => {
  it(
    "refreshes the given file from the emulator and prints old → new per model",
    async () => {
      const startedOn = utcDate(new Date());
      const outcome = await runScript({ FAL_KEY: testFalKey, FAL_EMULATOR_URL: emu.url }, [
        "--file",
        file,
      ]);
      // The script reads the date itself; a run across midnight UTC may record either day.
      const readOn = [startedOn, utcDate(new Date())];
      expect(outcome).toMatchObject({ code: 0, stderr: "" });
      expect(outcome.stdout).toContain(`Reading prices from the emulator at ${emu.url}`);
      expect(outcome.stdout).toMatch(/fal-ai\/flux\/schnell +\$0\.003 \/ image .* unchanged/);
      expect(outcome.stdout).toMatch(
        /fal-ai\/flux\/dev +\$0\.02 \/ image .*\$0\.025 \/ image .* changed \(\+25\.0%\)/,
      );
      const written = JSON.parse(await readFile(file, "utf8"));
      expect(written["fal-ai/flux/dev"]).toEqual({
        unitPriceUsd: 0.025,
        unit: "image",
        currency: "USD",
        readOn: expect.toBeOneOf(readOn),
      });
    },
    scriptTimeoutMs,
  );

  it(
    "refuses without a fal key, saying what to set, and leaves the file alone",
    async () => {
      const outcome = await runScript({ FAL_EMULATOR_URL: emu.url }, ["--file", file]);
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toContain(
        "prices: no fal key: set FAL_KEY (or FAL_KEY_ID and FAL_KEY_SECRET)",
      );
      expect(outcome.stderr).toContain(`${file} is unchanged.`);
      expect(await readFile(file, "utf8")).toBe(stale);
    },
    scriptTimeoutMs,
  );

  it(
    "applies the server's checks to the fal settings, naming each problem, and leaves the file alone",
    async () => {
      const outcome = await runScript({ FAL_KEY_ID: "id", FAL_EMULATOR_URL: emu.url }, [
        "--file",
        file,
      ]);
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toContain(
        "prices: invalid fal settings:\n- FAL_KEY_SECRET must be set together with FAL_KEY_ID",
      );
      expect(await readFile(file, "utf8")).toBe(stale);
    },
    scriptTimeoutMs,
  );

  it(
    "reads a key given as FAL_KEY_ID and FAL_KEY_SECRET",
    async () => {
      const pairEmulator = await startTestEmulator({ falKey: "pair-id:pair-secret" });
      try {
        const outcome = await runScript(
          {
            FAL_KEY_ID: "pair-id",
            FAL_KEY_SECRET: "pair-secret",
            FAL_EMULATOR_URL: pairEmulator.url,
          },
          ["--file", file],
        );
        expect(outcome).toMatchObject({ code: 0, stderr: "" });
        expect(JSON.parse(await readFile(file, "utf8"))["fal-ai/flux/dev"].unitPriceUsd).toBe(
          0.025,
        );
      } finally {
        await pairEmulator.close();
      }
    },
    scriptTimeoutMs,
  );
});

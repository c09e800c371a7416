/**
 * `npm run prices [-- --file <path>]`: reads fal's current price for every endpoint in
 * lib/catalog/prices.json, rewrites the file and prints old → new. With FAL_EMULATOR_URL
 * set, it asks the emulator instead. Runs under `--conditions=react-server` (package.json)
 * because lib/env.ts, the one reader of the fal key (the app's server reads it there too), is
 * marked server-only.
 */
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { readFalAccess } from "@/lib/env";
import { utcDate } from "./price-table";
import { formatChanges } from "./price-update";
import { refreshPrices } from "./refresh-prices";

const defaultFile = fileURLToPath(new URL("../../lib/catalog/prices.json", import.meta.url));

function shown(file: string): string {
  const path = relative(process.cwd(), file);
  return path.startsWith("..") ? file : path;
}

function fileArg(argv: readonly string[]): string {
  if (argv.length === 0) return defaultFile;
  if (argv.length === 2 && argv[0] === "--file" && argv[1]) return argv[1];
  throw new Error(`unexpected arguments: ${argv.join(" ")} (the only option is --file <path>)`);
}

async function main(file: string): Promise<void> {
  const { access, problems } = readFalAccess(process.env);
  if (problems.length > 0) throw new Error(`invalid fal settings:\n- ${problems.join("\n- ")}`);
  const { falKey, emulatorUrl } = access;
  if (!falKey) {
    throw new Error(
      "no fal key: set FAL_KEY (or FAL_KEY_ID and FAL_KEY_SECRET); with FAL_EMULATOR_URL, the key the emulator was started with",
    );
  }
  const source = emulatorUrl ? `the emulator at ${emulatorUrl.origin}` : "fal";
  console.log(`Reading prices from ${source} for ${shown(file)}…`);
  const changes = await refreshPrices({ file, falKey, emulatorUrl, today: utcDate(new Date()) });
  console.log(formatChanges(changes));
  console.log(`Wrote ${shown(file)}.`);
}

let file = defaultFile;
try {
  file = fileArg(process.argv.slice(2));
  await main(file);
} catch (error) {
  console.error(`prices: ${(error as Error).message}`);
  console.error(`${shown(file)} is unchanged.`);
  process.exitCode = 1;
}

/**
 * CLI: `FAL_KEY=... tsx emulator/main.ts [--port 4010]`.
 * Env: EMULATOR_PORT, EMULATOR_HOST, EMULATOR_PUBLIC_URL, EMULATOR_QUEUE_MS, EMULATOR_RUN_MS,
 * EMULATOR_VIDEO_RUN_MS.
 */
import { maxDurationMs } from "./control-routes";
import { createEmulator } from "./server";

function fail(message: string): never {
  console.error(`fal emulator: ${message}`);
  process.exit(1);
}

function portArg(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--port") return argv[i + 1] ?? fail("--port needs a value");
    if (arg.startsWith("--port=")) return arg.slice("--port=".length);
  }
  return undefined;
}

function integer(name: string, raw: string | undefined, min: number, max: number) {
  if (raw === undefined || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    fail(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

async function main(): Promise<void> {
  const env = process.env;
  const falKey = env.FAL_KEY;
  if (!falKey) {
    fail("FAL_KEY is required: the emulator accepts only `Authorization: Key <FAL_KEY>`.");
  }
  const port = integer(
    "--port / EMULATOR_PORT",
    portArg(process.argv.slice(2)) ?? env.EMULATOR_PORT,
    0,
    65535,
  );
  const emulator = await createEmulator({
    port: port ?? 4010,
    host: env.EMULATOR_HOST || undefined,
    publicUrl: env.EMULATOR_PUBLIC_URL || undefined,
    falKey,
    queueMs: integer("EMULATOR_QUEUE_MS", env.EMULATOR_QUEUE_MS, 0, maxDurationMs),
    runMs: integer("EMULATOR_RUN_MS", env.EMULATOR_RUN_MS, 0, maxDurationMs),
    videoRunMs: integer("EMULATOR_VIDEO_RUN_MS", env.EMULATOR_VIDEO_RUN_MS, 0, maxDurationMs),
  });
  console.log(`fal emulator listening on ${emulator.url}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`fal emulator: ${signal}, shutting down`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("fal emulator: error while closing:", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? error.message : String(error));
});

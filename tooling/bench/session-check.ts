/** Runs session-check-child.ts in its own Node process, with the react-server condition. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { SessionCheckReport } from "./session-check-child";

export type { SessionCheckReport } from "./session-check-child";

export async function measureSessionCheck(): Promise<SessionCheckReport> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tooling/bench/session-check-child.ts"],
    { env: { ...process.env, NODE_ENV: "production" }, timeout: 120_000 },
  );
  const last = stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(last) as SessionCheckReport;
}

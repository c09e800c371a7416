import { expect, request } from "@playwright/test";
import type { FaultTarget } from "../../emulator/faults";
import { emulatorUrl } from "./e2e-env";

type Fault = {
  on: FaultTarget;
  status?: number;
  drop?: boolean;
  times?: number;
};

async function control(method: "GET" | "POST", path: string, data?: unknown) {
  const context = await request.newContext({ baseURL: emulatorUrl });
  try {
    const response = await context.fetch(`/__emulator/${path}`, { method, data });
    expect(response.ok(), `emulator control ${path}`).toBe(true);
    return (await response.json()) as Record<string, unknown>;
  } finally {
    await context.dispose();
  }
}

/** The test controls of the local fal emulator (see emulator/README.md). */
export const emulator = {
  reset: () => control("POST", "reset"),
  armFault: (fault: Fault) => control("POST", "faults", fault),
  setTiming: (timing: { queueMs?: number; runMs?: number }) => control("POST", "timing", timing),
  request: (requestId: string) => control("GET", `requests/${requestId}`),
  /** How many model runs (submits and synchronous runs) have reached the emulator. */
  modelRuns: async () => (await control("GET", "received")).modelRuns as number,
};

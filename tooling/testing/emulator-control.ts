/**
 * The emulator's `/__emulator/*` test controls (emulator/README.md), for the e2e tests and the
 * bench alike: plain `fetch`, so any runner can use them.
 */
import type { FaultTarget } from "../emulator/faults";

export type EmulatorFault = {
  on: FaultTarget;
  status?: number;
  drop?: boolean;
  hang?: boolean;
  times?: number;
};

export type EmulatorRequest = {
  request_id: string;
  endpoint: string;
  status: "IN_QUEUE" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED";
  /** The submitted body as it reached the emulator: what the proxy sent on. */
  input: unknown;
  submittedAt: number;
  /** When the emulator's schedule turns the request IN_PROGRESS (epoch ms). */
  startedAt: number | null;
  /** When the emulator's schedule turns the request COMPLETED (epoch ms). */
  completedAt: number | null;
  cancelledAt: number | null;
};

export function emulatorControl(emulatorUrl: string) {
  async function control<T>(path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${emulatorUrl}/__emulator/${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`emulator control ${path} answered ${response.status}`);
    return (await response.json()) as T;
  }
  const request = (requestId: string) => control<EmulatorRequest>(`requests/${requestId}`);
  return {
    /** No faults, the start-up timing. */
    reset: () => control("reset", {}),
    armFault: (fault: EmulatorFault) => control("faults", fault),
    /** Durations for requests submitted from now on. */
    setTiming: (timing: { queueMs?: number; runMs?: number; videoRunMs?: number }) =>
      control("timing", timing),
    request,
    /** How many model runs (submits and synchronous runs) have reached the emulator. */
    modelRuns: async () => (await control<{ modelRuns: number }>("received")).modelRuns,
    /** A request's scheduled start or completion; throws when the emulator has none. */
    async scheduled(requestId: string, moment: "startedAt" | "completedAt") {
      const at = (await request(requestId))[moment];
      if (at === null) throw new Error(`emulator request ${requestId} has no ${moment}`);
      return at;
    },
  };
}

/** The emulator's `/__emulator/*` controls (emulator/README.md), for the bench's own use. */
import { emulatorUrl } from "./bench-env";

export type EmulatorRequest = {
  request_id: string;
  status: string;
  submittedAt: number;
  /** When the emulator's schedule turns the request IN_PROGRESS (epoch ms). */
  startedAt: number | null;
  /** When the emulator's schedule turns the request COMPLETED (epoch ms). */
  completedAt: number | null;
};

async function control<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulatorUrl}/__emulator/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`emulator control ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

export const emulator = {
  /** Durations for requests submitted from now on. */
  setTiming: (timing: { queueMs: number; runMs: number }) => control("timing", timing),
  request: (requestId: string) => control<EmulatorRequest>(`requests/${requestId}`),
};

/** A request's scheduled start or completion; throws when the emulator has none. */
export async function scheduled(requestId: string, moment: "startedAt" | "completedAt") {
  const at = (await emulator.request(requestId))[moment];
  if (at === null) throw new Error(`emulator request ${requestId} has no ${moment}`);
  return at;
}

/**
 * Armed failures for tests: the next matching request(s) answer an error status, lose
 * their connection or never answer, so the app's error paths can be exercised on demand.
 */

export const faultTargets = [
  "submit",
  "status",
  "result",
  "run",
  "cancel",
  "upload",
  "pricing",
] as const;
export type FaultTarget = (typeof faultTargets)[number];

export type Fault = { kind: "status"; status: number } | { kind: "drop" } | { kind: "hang" };

export type ArmedFault = {
  on: FaultTarget;
  fault: Fault;
  remaining: number;
};

export type ParsedFault =
  | { ok: true; on: FaultTarget; fault: Fault; times: number }
  | { ok: false; message: string };

const maxTimes = 1000;

function isTarget(value: unknown): value is FaultTarget {
  return typeof value === "string" && (faultTargets as readonly string[]).includes(value);
}

/** Validates a `POST /__emulator/faults` body. */
export function parseFault(body: unknown): ParsedFault {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, message: "Body must be a JSON object" };
  }
  const { on, status, drop, hang, times = 1 } = body as Record<string, unknown>;
  if (!isTarget(on)) {
    return { ok: false, message: `"on" must be one of: ${faultTargets.join(", ")}` };
  }
  if (typeof times !== "number" || !Number.isInteger(times) || times < 1 || times > maxTimes) {
    return { ok: false, message: `"times" must be an integer from 1 to ${maxTimes}` };
  }
  for (const [name, flag] of Object.entries({ drop, hang })) {
    if (flag !== undefined && typeof flag !== "boolean") {
      return { ok: false, message: `"${name}" must be a boolean` };
    }
  }
  if ([status !== undefined, drop === true, hang === true].filter(Boolean).length > 1) {
    return { ok: false, message: 'Give one of "status", "drop" or "hang"' };
  }
  if (drop === true) return { ok: true, on, fault: { kind: "drop" }, times };
  if (hang === true) return { ok: true, on, fault: { kind: "hang" }, times };
  const code = status ?? 500;
  if (typeof code !== "number" || !Number.isInteger(code) || code < 400 || code > 599) {
    return { ok: false, message: '"status" must be an HTTP error status (400-599)' };
  }
  return { ok: true, on, fault: { kind: "status", status: code }, times };
}

/** The armed faults, oldest first; a reset clears them. */
export type FaultBook = {
  arm(on: FaultTarget, fault: Fault, times?: number): void;
  /** Consumes one use of the oldest fault armed for `on`, if any. */
  take(on: FaultTarget): Fault | undefined;
  pending(): ArmedFault[];
  clear(): void;
};

export function createFaultBook(): FaultBook {
  let armed: ArmedFault[] = [];
  return {
    arm(on, fault, times = 1) {
      armed.push({ on, fault, remaining: times });
    },
    take(on) {
      const entry = armed.find((candidate) => candidate.on === on);
      if (!entry) return undefined;
      entry.remaining -= 1;
      if (entry.remaining <= 0) armed = armed.filter((other) => other !== entry);
      return entry.fault;
    },
    pending: () => armed.map((entry) => ({ ...entry })),
    clear() {
      armed = [];
    },
  };
}

import { describe, expect, it } from "vitest";
import {
  logsAt,
  nextChangeAt,
  phaseAt,
  queuePositionAt,
  type Schedule,
  scheduleTimes,
} from "./request-lifecycle";

const t0 = Date.UTC(2025, 0, 1);
const schedule: Schedule = { submittedAt: t0, queueMs: 400, runMs: 1200, numImages: 2 };

describe("phaseAt", () => {
  it.each([
    [0, "IN_QUEUE"],
    [399, "IN_QUEUE"],
    [400, "IN_PROGRESS"],
    [1599, "IN_PROGRESS"],
    [1600, "COMPLETED"],
    [99_999, "COMPLETED"],
  ])("at +%ims is %s", (offset, phase) => {
    expect(phaseAt(schedule, t0 + offset)).toBe(phase);
  });

  it("is CANCELLED from the cancel on, whatever the clock says", () => {
    const cancelled = { ...schedule, cancelledAt: t0 + 500 };
    expect(phaseAt(cancelled, t0 + 499)).toBe("IN_PROGRESS");
    expect(phaseAt(cancelled, t0 + 500)).toBe("CANCELLED");
    expect(phaseAt(cancelled, t0 + 5000)).toBe("CANCELLED");
  });
});

describe("queuePositionAt", () => {
  it("counts down 2, 1, 0 over the queue phase", () => {
    const positions = [0, 100, 133, 134, 266, 267, 399].map((o) =>
      queuePositionAt(schedule, t0 + o),
    );
    expect(positions).toEqual([2, 2, 2, 1, 1, 0, 0]);
  });

  it("is 0 without a queue phase", () => {
    expect(queuePositionAt({ ...schedule, queueMs: 0 }, t0)).toBe(0);
  });
});

describe("logsAt", () => {
  it("has no logs while queued", () => {
    expect(logsAt(schedule, t0 + 399)).toEqual([]);
  });

  it("grows every 300 ms during the run and ends with a summary", () => {
    const counts = [400, 699, 700, 1000, 1300, 1599, 1600].map(
      (o) => logsAt(schedule, t0 + o).length,
    );
    expect(counts).toEqual([1, 1, 2, 3, 4, 4, 5]);
    const done = logsAt(schedule, t0 + 1600);
    expect(done[0]).toEqual({
      message: "Loading model",
      level: "INFO",
      source: "USER",
      timestamp: new Date(t0 + 400).toISOString(),
    });
    expect(done[1]?.message).toBe("Denoising step 7/28");
    expect(done.at(-1)?.message).toBe("Generated 2 images");
  });

  it("still shows several lines for a very short run", () => {
    const short = { ...schedule, queueMs: 50, runMs: 150 };
    expect(logsAt(short, t0 + 50).length).toBe(1);
    expect(logsAt(short, t0 + 199).length).toBe(4);
  });

  it("stops at the cancel", () => {
    const cancelled = { ...schedule, cancelledAt: t0 + 750 };
    expect(logsAt(cancelled, t0 + 5000).map((l) => l.message)).toEqual([
      "Loading model",
      "Denoising step 7/28",
    ]);
  });
});

describe("nextChangeAt", () => {
  it("walks every visible change and ends with completion", () => {
    const seen: number[] = [];
    let now = t0;
    for (
      let next = nextChangeAt(schedule, now);
      next !== null;
      next = nextChangeAt(schedule, now)
    ) {
      seen.push(Math.round(next - t0));
      now = next;
    }
    expect(seen).toEqual([133, 267, 400, 700, 1000, 1300, 1600]);
    expect(phaseAt(schedule, now)).toBe("COMPLETED");
  });

  it("is null once terminal", () => {
    expect(nextChangeAt(schedule, t0 + 1600)).toBeNull();
    expect(nextChangeAt({ ...schedule, cancelledAt: t0 + 10 }, t0 + 10)).toBeNull();
  });
});

describe("scheduleTimes", () => {
  it("gives the moments the phases change, in epoch ms", () => {
    expect(scheduleTimes(schedule)).toEqual({
      submittedAt: t0,
      startedAt: t0 + 400,
      completedAt: t0 + 1600,
      cancelledAt: null,
    });
    expect(phaseAt(schedule, t0 + 400)).toBe("IN_PROGRESS");
    expect(phaseAt(schedule, t0 + 1600)).toBe("COMPLETED");
  });

  it("has no start or completion that a cancel came before", () => {
    expect(scheduleTimes({ ...schedule, cancelledAt: t0 + 750 })).toEqual({
      submittedAt: t0,
      startedAt: t0 + 400,
      completedAt: null,
      cancelledAt: t0 + 750,
    });
    expect(scheduleTimes({ ...schedule, cancelledAt: t0 + 400 })).toMatchObject({
      startedAt: null,
      completedAt: null,
    });
  });
});

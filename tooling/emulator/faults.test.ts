import { describe, expect, it } from "vitest";
import { createFaultBook, parseFault } from "./faults";

describe("parseFault", () => {
  it("defaults to a single 500", () => {
    expect(parseFault({ on: "submit" })).toEqual({
      ok: true,
      on: "submit",
      fault: { kind: "status", status: 500 },
      times: 1,
    });
  });

  it("accepts a drop repeated several times", () => {
    expect(parseFault({ on: "status", drop: true, times: 3 })).toEqual({
      ok: true,
      on: "status",
      fault: { kind: "drop" },
      times: 3,
    });
  });

  it.each([
    [null],
    [{ on: "everything" }],
    [{ on: "submit", status: 200 }],
    [{ on: "submit", status: "500" }],
    [{ on: "submit", times: 0 }],
    [{ on: "submit", times: 1.5 }],
    [{ on: "submit", drop: "yes" }],
    [{ on: "submit", drop: true, status: 500 }],
    [{ on: "submit", drop: true, hang: true }],
    [{ on: "submit", hang: "forever" }],
  ])("rejects %j", (body) => {
    expect(parseFault(body).ok).toBe(false);
  });
});

describe("createFaultBook", () => {
  it("hands a fault out as many times as armed, only for its target", () => {
    const book = createFaultBook();
    book.arm("submit", { kind: "status", status: 503 }, 2);
    expect(book.take("status")).toBeUndefined();
    expect(book.take("submit")).toEqual({ kind: "status", status: 503 });
    expect(book.pending()).toEqual([
      { on: "submit", fault: { kind: "status", status: 503 }, remaining: 1 },
    ]);
    expect(book.take("submit")).toEqual({ kind: "status", status: 503 });
    expect(book.take("submit")).toBeUndefined();
  });

  it("uses faults in the order they were armed, and clear() drops them all", () => {
    const book = createFaultBook();
    book.arm("run", { kind: "drop" });
    book.arm("run", { kind: "status", status: 422 });
    expect(book.take("run")).toEqual({ kind: "drop" });
    book.clear();
    expect(book.take("run")).toBeUndefined();
  });
});

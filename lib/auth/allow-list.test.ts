import { describe, expect, it } from "vitest";
import { isEmailAllowed, parseAllowList } from "./allow-list";

describe("parseAllowList", () => {
  it("admits anyone when unset or blank", () => {
    expect(parseAllowList(undefined)).toEqual({ kind: "anyone" });
    expect(parseAllowList(" , ")).toEqual({ kind: "anyone" });
  });

  it("rejects entries that are neither an email nor an @domain, naming them", () => {
    expect(() => parseAllowList("ada@example.com, bob, @")).toThrow(/AUTH_ALLOWED_EMAILS.*bob, @$/);
  });
});

describe("isEmailAllowed", () => {
  const list = parseAllowList(" Ada@Example.com ,@team.example.org");

  it("matches listed addresses without regard to case or spaces", () => {
    expect(isEmailAllowed(list, "ada@example.com")).toBe(true);
    expect(isEmailAllowed(list, " ADA@EXAMPLE.COM ")).toBe(true);
  });

  it("matches a whole domain, and only that domain", () => {
    expect(isEmailAllowed(list, "grace@team.example.org")).toBe(true);
    expect(isEmailAllowed(list, "grace@evil.team.example.org")).toBe(false);
    expect(isEmailAllowed(list, "grace@team.example.org.evil.com")).toBe(false);
  });

  it("refuses others, and users without an email", () => {
    expect(isEmailAllowed(list, "bob@example.com")).toBe(false);
    expect(isEmailAllowed(list, "ada@example.com@evil.com")).toBe(false);
    expect(isEmailAllowed(list, undefined)).toBe(false);
    expect(isEmailAllowed(list, "")).toBe(false);
  });

  it("admits every signed-in user when the list is unset", () => {
    expect(isEmailAllowed(parseAllowList(undefined), "anyone@anywhere.dev")).toBe(true);
  });
});

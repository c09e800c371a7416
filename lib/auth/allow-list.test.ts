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

describe("non-ASCII look-alikes", () => {
  const list = parseAllowList("ada@corp.com,@kube.dev");

  it("refuses non-ASCII entries at start-up, naming them and their code points", () => {
    expect(() => parseAllowList("ada@corp.com, ａda@corp.com")).toThrow(
      'AUTH_ALLOWED_EMAILS must be plain ASCII; these entries are not: "ａda@corp.com" (U+FF41)',
    );
    // The Kelvin sign lowercases to `k`: it must be refused before it can fold into ASCII.
    expect(() => parseAllowList("@\u212Aube.dev")).toThrow(/"@\u212Aube\.dev" \(U\+212A\)/);
    expect(() => parseAllowList("ada@corp.com\u200b")).toThrow(/U\+200B/);
  });

  it("never matches a fullwidth look-alike of a listed address", () => {
    expect(isEmailAllowed(list, "ａda@corp.com")).toBe(false);
    expect(isEmailAllowed(list, "ada@ｃorp.com")).toBe(false);
  });

  it("never matches an address that lowercases into a listed domain", () => {
    expect("eve@\u212Aube.dev".toLowerCase()).toBe("eve@kube.dev");
    expect(isEmailAllowed(list, "eve@\u212Aube.dev")).toBe(false);
    expect(isEmailAllowed(list, "eve@kube.dev")).toBe(true);
  });

  it("never matches an address carrying invisible or control characters", () => {
    expect(isEmailAllowed(list, "ada@corp.com\u200b")).toBe(false);
    expect(isEmailAllowed(list, "ada\u0000@corp.com")).toBe(false);
    expect(isEmailAllowed(list, "ad\u0430@corp.com")).toBe(false); // Cyrillic а
  });
});

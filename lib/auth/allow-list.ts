/**
 * `AUTH_ALLOWED_EMAILS`: who may use the fal proxy. A comma-separated list of addresses;
 * an entry starting with `@` admits a whole domain. Unset or empty admits every signed-in user.
 */
export type AllowList =
  | { kind: "anyone" }
  | { kind: "listed"; emails: ReadonlySet<string>; domains: ReadonlySet<string> };

const emailPattern = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
const domainPattern = /^@[^\s@,]+\.[^\s@,]+$/;

export function parseAllowList(raw: string | undefined): AllowList {
  const entries = (raw ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  if (entries.length === 0) return { kind: "anyone" };

  const invalid = entries.filter(
    (entry) => !emailPattern.test(entry) && !domainPattern.test(entry),
  );
  if (invalid.length > 0) {
    throw new Error(
      `AUTH_ALLOWED_EMAILS has entries that are neither an email nor an @domain: ${invalid.join(", ")}`,
    );
  }
  return {
    kind: "listed",
    emails: new Set(entries.filter((entry) => !entry.startsWith("@"))),
    domains: new Set(entries.filter((entry) => entry.startsWith("@"))),
  };
}

export function isEmailAllowed(list: AllowList, email: string | null | undefined): boolean {
  if (list.kind === "anyone") return true;
  if (!email) return false;
  const normalized = email.trim().toLowerCase();
  const at = normalized.lastIndexOf("@");
  if (at <= 0) return false;
  return list.emails.has(normalized) || list.domains.has(normalized.slice(at));
}

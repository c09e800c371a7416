/**
 * `AUTH_ALLOWED_EMAILS`: who may use the fal proxy. A comma-separated list of addresses;
 * an entry starting with `@` admits a whole domain. Unset or empty admits every signed-in user.
 */
import "server-only";
export type AllowList =
  | { kind: "anyone" }
  | { kind: "listed"; emails: ReadonlySet<string>; domains: ReadonlySet<string> };

const emailPattern = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
const domainPattern = /^@[^\s@,]+\.[^\s@,]+$/;
// Printable ASCII only. Outside it, look-alikes compare unequal or, worse, fold together:
// `toLowerCase()` turns the Kelvin sign (U+212A) into `k`, and NFKC turns fullwidth `ａ` into `a`.
const nonAscii = /[^\x20-\x7e]/;
const nonAsciiGlobal = /[^\x20-\x7e]/g;

function codePoints(entry: string): string {
  const found = entry.match(nonAsciiGlobal) ?? [];
  return found
    .map((char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`)
    .join(" ");
}

export function parseAllowList(raw: string | undefined): AllowList {
  const entries = (raw ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return { kind: "anyone" };

  // Checked before lowercasing, which would fold some of them into ASCII.
  const foreign = entries.filter((entry) => nonAscii.test(entry));
  if (foreign.length > 0) {
    throw new Error(
      `AUTH_ALLOWED_EMAILS must be plain ASCII; these entries are not: ${foreign
        .map((entry) => `${JSON.stringify(entry)} (${codePoints(entry)})`)
        .join(", ")}`,
    );
  }
  const lowered = entries.map((entry) => entry.toLowerCase());
  const invalid = lowered.filter(
    (entry) => !emailPattern.test(entry) && !domainPattern.test(entry),
  );
  if (invalid.length > 0) {
    throw new Error(
      `AUTH_ALLOWED_EMAILS has entries that are neither an email nor an @domain: ${invalid.join(", ")}`,
    );
  }
  return {
    kind: "listed",
    emails: new Set(lowered.filter((entry) => !entry.startsWith("@"))),
    domains: new Set(lowered.filter((entry) => entry.startsWith("@"))),
  };
}

/**
 * Whether `email` is on the list. An address with any character outside printable ASCII never
 * matches: the list is ASCII, so such an address could only match by folding a look-alike.
 */
export function isEmailAllowed(list: AllowList, email: string | null | undefined): boolean {
  if (list.kind === "anyone") return true;
  if (!email || nonAscii.test(email)) return false;
  const normalized = email.trim().toLowerCase();
  const at = normalized.lastIndexOf("@");
  if (at <= 0) return false;
  return list.emails.has(normalized) || list.domains.has(normalized.slice(at));
}

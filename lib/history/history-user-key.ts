import "server-only";
import { createHash } from "node:crypto";

/**
 * The key the browser keeps a user's history under: a SHA-256 of the user id, made on the
 * server, so the provider's raw account id never becomes a database name in the browser.
 * Deterministic on purpose: the same user finds their history after signing in again, and
 * rotating AUTH_SECRET does not lose it. It hides the id from a glance at storage, not from
 * someone who can guess ids; history is not a secret from anyone using the same browser.
 */
export function historyUserKey(userId: string): string {
  return createHash("sha256").update(`fal-starter-history:${userId}`).digest("hex");
}

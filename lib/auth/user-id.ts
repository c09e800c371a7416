/**
 * The id that rate limits and request ownership key on. Without a database Auth.js gives a
 * new random `sub` at every sign-in, which would reset a user's limits each time they sign in
 * again; the provider's own account id does not change.
 */
import "server-only";
export function stableUserId(account: { provider: string; providerAccountId: string }): string {
  return `${account.provider}:${account.providerAccountId}`;
}

/** The provider a `stableUserId` came from: "github", "oidc", … */
export function providerOfUserId(userId: string): string {
  return userId.slice(0, Math.max(0, userId.indexOf(":")));
}

import "server-only";

/** One row of GitHub's `GET /user/emails`. */
type GitHubEmail = { email: string; primary: boolean; verified: boolean };

function isVerified(row: unknown): row is GitHubEmail {
  const candidate = row as Partial<GitHubEmail> | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    candidate.verified === true &&
    typeof candidate.email === "string"
  );
}

/**
 * The address to trust from GitHub's list of the account's emails: the primary one if GitHub
 * has verified it, else another verified one, else none. Anyone can add an address they do not
 * own to a GitHub account; only verification shows they own it.
 */
export function chooseVerifiedEmail(emails: unknown): string | null {
  if (!Array.isArray(emails)) return null;
  const verified = emails.filter(isVerified);
  return (verified.find((row) => row.primary === true) ?? verified[0])?.email ?? null;
}

type UserinfoContext = {
  tokens: { access_token?: string };
  provider: { userinfo?: { url?: URL | string } };
};

/**
 * Replaces the GitHub provider's `userinfo.request`, which takes the profile's public email or
 * the primary one without looking at `verified`. The email always comes from the list, and
 * `email_verified` says whether one was found, as an OpenID Connect provider's claim would.
 */
export async function githubProfileWithVerifiedEmail({ tokens, provider }: UserinfoContext) {
  const userUrl = String(provider.userinfo?.url ?? "https://api.github.com/user");
  const headers = {
    Authorization: `Bearer ${tokens.access_token}`,
    Accept: "application/vnd.github+json",
    "User-Agent": "authjs",
  };
  const profileResponse = await fetch(userUrl, { headers });
  if (!profileResponse.ok) {
    throw new Error(`GitHub answered ${profileResponse.status} when asked for the user's profile`);
  }
  const profile = (await profileResponse.json()) as Record<string, unknown>;
  // `/user/emails` needs the `user:email` scope, which the provider asks for.
  const emailsResponse = await fetch(`${userUrl}/emails`, { headers });
  const email = emailsResponse.ok ? chooseVerifiedEmail(await emailsResponse.json()) : null;
  return { ...profile, email, email_verified: email !== null };
}

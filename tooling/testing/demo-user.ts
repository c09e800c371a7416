/** The person the local provider signs in: no password, no account anywhere. */
export const demoUser = {
  sub: "demo-user",
  name: "Demo User",
  email: "demo@example.com",
  email_verified: true,
} as const;

/**
 * A second local person, whose provider has not verified their email: an OpenID Connect client
 * asks for them with `login_hint=unverified@example.com`, as it would prefill an account at a
 * real provider. The app must not let them in even when their address is on the allow-list.
 */
export const unverifiedUser = {
  sub: "unverified-user",
  name: "Unverified User",
  email: "unverified@example.com",
  email_verified: false,
} as const;

export type LocalUser = typeof demoUser | typeof unverifiedUser;
export const localUsers: readonly LocalUser[] = [demoUser, unverifiedUser];

/** Who a sign-in asked for: the user whose email is `loginHint`, else the demo user. */
export function localUserFor(loginHint: string | null | undefined): LocalUser {
  return localUsers.find(({ email }) => email === loginHint) ?? demoUser;
}

/** The person the local provider signs in: no password, no account anywhere. */
export const demoUser = {
  sub: "demo-user",
  name: "Demo User",
  email: "demo@example.com",
  email_verified: true,
} as const;

import type { Browser } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { appUrl, e2eSecrets } from "./e2e-env";

const cookieName = "authjs.session-token";

/**
 * A browser signed in as someone the local provider does not know, by minting the session
 * cookie Auth.js would set for them. The tests know AUTH_SECRET; an attacker does not.
 */
export async function browserSignedInAs(browser: Browser, user: { email: string; name: string }) {
  const token = await encode({
    token: { sub: `minted-${user.email}`, email: user.email, name: user.name },
    secret: e2eSecrets.authSecret,
    salt: cookieName,
  });
  const context = await browser.newContext();
  await context.addCookies([{ name: cookieName, value: token, url: appUrl, httpOnly: true }]);
  return context;
}

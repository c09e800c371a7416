/** Chromium (the e2e tests' choice of executable) with a context signed in as the bench user. */
import { type Browser, chromium } from "@playwright/test";
import { chromiumLaunchArgs } from "../testing/services/locate";
import { notices } from "../testing/services/notices";
import { readTestServices } from "../testing/services/services-file";
import { browserSignedInAs, type MintedUser } from "../testing/sessions";
import { appUrl, benchSecrets, benchUser } from "./bench-env";

export async function launchChromium(): Promise<Browser> {
  const executablePath = readTestServices().chromium;
  if (!executablePath)
    throw new Error(
      `${notices.chromiumMissing()} (\`npm run test:services\` installs one where it can)`,
    );
  return chromium.launch({ executablePath, args: chromiumLaunchArgs });
}

/** A fresh context (empty cache) carrying the session cookie of `user` (the bench user's). */
export function signedInContext(browser: Browser, user: MintedUser = benchUser) {
  return browserSignedInAs(browser, user, { secret: benchSecrets.authSecret, url: appUrl });
}

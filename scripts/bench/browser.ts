/** Chromium (the e2e tests' choice of executable) with a context signed in as the bench user. */
import { type Browser, chromium } from "@playwright/test";
import { chromiumArgs, findChromium } from "../../e2e/support/find-chromium";
import { browserSignedInAs } from "../../e2e/support/sessions";
import { appUrl, benchSecrets, benchUser } from "./bench-env";

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
}

/** A fresh context (empty cache) carrying the bench user's session cookie. */
export function signedInContext(browser: Browser) {
  return browserSignedInAs(browser, benchUser, { secret: benchSecrets.authSecret, url: appUrl });
}

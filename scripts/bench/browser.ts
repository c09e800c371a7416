/** Chromium (the e2e tests' choice of executable) with a context signed in as the bench user. */
import { type Browser, chromium } from "@playwright/test";
import { findChromium } from "../../e2e/support/find-chromium";
import { sessionCookie } from "../../e2e/support/sessions";
import { appUrl, benchSecrets, benchUser } from "./bench-env";

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    // This machine may have no outside network: keep Chromium from reaching for it.
    args: ["--disable-background-networking", "--disable-component-update", "--disable-quic"],
  });
}

/** A fresh context (empty cache) carrying the bench user's session cookie. */
export async function signedInContext(browser: Browser) {
  const context = await browser.newContext();
  const cookie = await sessionCookie(benchUser, benchSecrets.authSecret);
  await context.addCookies([{ ...cookie, url: appUrl, httpOnly: true }]);
  return context;
}

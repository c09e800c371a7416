import type { Page, Route } from "@playwright/test";
import { isImageUpload } from "../../tooling/testing/proxy-calls";

/** An upload the page has started and the test holds: it goes on, or fails, when told. */
export type HeldUpload = {
  /** The upload goes on to the app as it would have. */
  release: () => Promise<void>;
  /** The upload is answered with `status` and the JSON `body` instead. */
  answer: (status: number, body: unknown) => Promise<void>;
};

/**
 * Holds every image upload the page starts (`isImageUpload`) until the test lets it go, so
 * the page can be looked at mid-upload without waiting on a clock. `next()` is the next one.
 */
export async function holdImageUploads(page: Page) {
  const held: HeldUpload[] = [];
  const takers: ((upload: HeldUpload) => void)[] = [];
  const hold = (route: Route): HeldUpload => ({
    release: () => route.continue(),
    answer: (status, body) => route.fulfill({ status, json: body }),
  });
  await page.route("**/api/**", (route) => {
    if (!isImageUpload(route.request())) return route.fallback();
    const upload = hold(route);
    const taker = takers.shift();
    if (taker) taker(upload);
    else held.push(upload);
  });
  return {
    next: () =>
      new Promise<HeldUpload>((resolve) => {
        const upload = held.shift();
        if (upload) resolve(upload);
        else takers.push(resolve);
      }),
  };
}

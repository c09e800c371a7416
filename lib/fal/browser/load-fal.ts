import type { FalClient } from "@fal-ai/client";

let loading: Promise<FalClient> | undefined;

/**
 * The fal client, configured (`browser-client.ts`). It is most of the generator's own
 * JavaScript, so it is not part of the page's first load: the page fetches it once it is
 * interactive, and a generate started before then waits for it. A failed load is tried
 * again on the next call.
 */
export function loadFal(): Promise<FalClient> {
  loading ??= import("./browser-client").then(
    ({ fal }) => fal,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

import { isErrorBody } from "@/lib/errors/error-codes";

/**
 * A `fetch` for the fal client under which the proxy's own 429 refusals are final. fal's
 * client retries a 429 on queue calls three times (1 s, 2 s, 4 s) whatever `fal.config`'s
 * `retry` says; against this proxy that only sends refused submits and delays the message that
 * says when the limit or budget lifts. So a 429 carrying this app's error body is thrown at
 * once, in the shape of fal's `ApiError` (what `describeError` reads). A 429 from fal itself
 * is left to the client's retries.
 */
export function fetchWithFinalRefusals(fetchImpl: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    if (response.status !== 429) return response;
    const body: unknown = await response
      .clone()
      .json()
      .catch(() => undefined);
    if (!isErrorBody(body)) return response;
    throw Object.assign(new Error(body.error.message), {
      name: "ApiError",
      status: response.status,
      body,
    });
  };
}

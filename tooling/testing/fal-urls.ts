/**
 * fal's URLs as the browser's client sends them to the proxy in `x-fal-target-url`: one
 * builder for the unit tests, the e2e tests and the bench. Status, result and cancel use the
 * endpoint's queue app (`fal-ai/flux`), as `@fal-ai/client` builds them.
 */
const queueHost = "https://queue.fal.run";

export const falUrls = {
  submit: (endpoint = "fal-ai/flux/schnell") => `${queueHost}/${endpoint}`,
  run: (endpoint = "fal-ai/flux/schnell") => `https://fal.run/${endpoint}`,
  request: (id: string, app = "fal-ai/flux") => `${queueHost}/${app}/requests/${id}`,
  status: (id: string) => `${falUrls.request(id)}/status`,
  statusStream: (id: string) => `${falUrls.request(id)}/status/stream?logs=1`,
  cancel: (id: string) => `${falUrls.request(id)}/cancel`,
  /** The storage initiate call exactly as `fal.storage.upload` makes it. */
  uploadInitiate: "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3",
};

/** The same URL on the emulator, which serves `https://<host>/<path>` as `/<host>/<path>`. */
export function onEmulator(falUrl: string, emulatorUrl: string): string {
  const url = new URL(falUrl);
  return `${emulatorUrl}/${url.hostname}${url.pathname}${url.search}`;
}

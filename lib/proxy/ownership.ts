import "server-only";
import type { ImageDimensions } from "@/lib/catalog/cost";
import { AppError } from "@/lib/errors/app-error";
import type { ModelRun } from "./input";
import type { ProxyStores } from "./policy";
import type { ProxyTarget } from "./target";

/**
 * Stage "ownership": a status, stream, result or cancel reaches only the caller's own request
 * (404, the same answer as for an id that never existed, so other users' ids are not
 * confirmed), and a run's `image_url` is only one of the caller's own files: an image they
 * uploaded through this app, or one fal made for them (400). Answers the input image's size
 * as it was recorded, which sets the run's price; nothing is fetched.
 */
export async function checkOwnership(
  stores: Pick<ProxyStores, "runs" | "media">,
  userId: string,
  target: ProxyTarget,
  run: ModelRun | undefined,
): Promise<ImageDimensions | undefined> {
  // A request is the caller's when it is one of their runs (deleted runs are no one's).
  if (target.requestId && !(await stores.runs.get(userId, target.requestId))) {
    throw new AppError("request_not_found", 404, "There is no such request.");
  }
  const url = run?.input.image_url;
  if (url === undefined) return undefined;
  const file = await stores.media.find(userId, url);
  if (!file) {
    throw new AppError(
      "invalid_input",
      400,
      "image_url must be an image you uploaded to this app, or one it made for you, in the last 7 days: upload it again.",
      { field: "image_url" },
    );
  }
  const { width, height } = file;
  // An output fal gave no size for is charged as the largest image accepted.
  return width === undefined || height === undefined ? undefined : { width, height };
}

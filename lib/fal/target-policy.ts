import { AppError } from "@/lib/errors/app-error";
import { falHosts, modelHosts } from "./fal-hosts";

export const targetUrlHeader = "x-fal-target-url";

/**
 * Checks the URL the browser asks the proxy to call, before the library sees it, so a refusal
 * names its reason. The library repeats its own checks after this one.
 */
export function checkTarget(
  method: string,
  target: string | null,
  allowedEndpoints: readonly string[],
): AppError | null {
  if (!target) return new AppError("invalid_target", 400, `Missing ${targetUrlHeader} header.`);
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return new AppError("invalid_target", 400, "The target URL does not parse.");
  }
  if (url.protocol !== "https:" || !falHosts.has(url.host)) {
    return new AppError(
      "invalid_target",
      400,
      `Only https requests to ${[...falHosts].join(", ")} are proxied.`,
    );
  }
  if (method === "POST" && modelHosts.has(url.host)) {
    const endpoint = url.pathname.replace(/^\//, "");
    if (!allowedEndpoints.includes(endpoint)) {
      return new AppError(
        "model_not_allowed",
        403,
        `The model "${endpoint}" is not enabled on this server.`,
      );
    }
  }
  return null;
}

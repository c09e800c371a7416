import "server-only";
import type { CatalogModel } from "@/lib/catalog/models";
import { AppError } from "@/lib/errors/app-error";
import { falHosts } from "@/lib/fal/fal-hosts";
import { targetUrlHeader } from "@/lib/fal/proxy-contract";
import { imageUploadPath } from "@/lib/uploads/image-upload-policy";

export { targetUrlHeader };

/** What a proxied call does at fal; the guard's limits, ownership and audit key on it. */
export type ProxyOperation = "submit" | "run" | "status" | "status-stream" | "result" | "cancel";

export type ProxyTarget = {
  url: URL;
  operation: ProxyOperation;
  /** The catalog endpoint (`fal-ai/flux/dev`) or its queue app (`fal-ai/flux`). */
  endpoint: string;
  /** The fal request id a status, stream, result or cancel is about. */
  requestId?: string;
  /** A submit's or run's model: the catalog entry, found once, here. */
  model?: CatalogModel;
};

/** The catalog: the only models a POST may run, and whose requests a GET or PUT may reach. */
export type TargetCatalog = readonly CatalogModel[];

const invalid = (message: string) => new AppError("invalid_target", 400, message);
const notAllowed = (message: string) => new AppError("target_not_allowed", 403, message);

// Catalog ids and request ids never need more than this, so anything else is refused outright.
const safeSegment = /^[A-Za-z0-9_~-][A-Za-z0-9_.~-]*$/;
const requestIdPattern = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Status, result and cancel use the endpoint's queue app: `owner/alias`, with a `workflows/`
 * or `comfy/` namespace kept in front (as `@fal-ai/client` builds those URLs).
 */
export function queueAppOf(endpointId: string): string {
  const parts = endpointId.split("/");
  const length = parts[0] === "workflows" || parts[0] === "comfy" ? 3 : 2;
  return parts.slice(0, length).join("/");
}

/** The methods the fal client uses; anything else is refused with 405 and `Allow`. */
export const proxiedMethods = ["GET", "POST", "PUT"] as const;
export type ProxiedMethod = (typeof proxiedMethods)[number];

export function proxiedMethod(method: string): ProxiedMethod {
  if ((proxiedMethods as readonly string[]).includes(method)) return method as ProxiedMethod;
  throw new AppError("method_not_allowed", 405, `${method} is not proxied.`, {
    headers: { Allow: proxiedMethods.join(", ") },
  });
}

/** Parses the URL a browser asks the proxy to call; throws an `AppError` naming the refusal. */
export function parseTarget(
  method: ProxiedMethod,
  raw: string | null,
  catalog: TargetCatalog,
): ProxyTarget {
  const url = parseStrictUrl(raw);
  if (method === "POST") return postTarget(url, catalog);
  if (method === "GET") return getTarget(url, catalog);
  return putTarget(url, catalog);
}

function parseStrictUrl(raw: string | null): URL {
  if (!raw) throw invalid(`Missing ${targetUrlHeader} header.`);
  // Two headers arrive joined by ", ": which one the library would use is not worth guessing.
  if (/[\s,]/.test(raw))
    throw invalid(`${targetUrlHeader} must hold exactly one URL, without spaces.`);
  const url = parseUrl(raw);
  if (url.protocol !== "https:") {
    throw invalid("Only https targets are proxied: the key never travels in clear text.");
  }
  if (url.username || url.password) throw invalid("The target URL must not carry user info.");
  // URL drops a default port (":443"), so look at what was written too.
  const authority = /^https:\/\/([^/?#]*)/i.exec(raw)?.[1] ?? "";
  if (url.port || /:[0-9]*$/.test(authority)) {
    throw invalid("The target URL must not name a port.");
  }
  if (!falHosts.has(url.hostname)) {
    throw invalid(`Only fal's hosts are proxied: ${[...falHosts].join(", ")}.`);
  }
  const rawPath = raw.slice(url.origin.length).split(/[?#]/, 1)[0] ?? "";
  const segments = rawPath.split("/").slice(1);
  if (rawPath.includes("%") || rawPath.includes("\\")) {
    throw invalid("The target path must not contain percent-encoded characters or backslashes.");
  }
  if (!rawPath.startsWith("/") || !segments.every((s) => safeSegment.test(s))) {
    throw invalid("The target path must be normalised: no '.', '..' or empty segments.");
  }
  if (url.hash || url.href !== raw) throw invalid("The target URL must be in canonical form.");
  return url;
}

// Parsed once: `URL.canParse` and then `new URL` would parse every target twice.
function parseUrl(raw: string): URL {
  try {
    return new URL(raw);
  } catch {
    throw invalid("The target URL does not parse.");
  }
}

function onlyQuery(url: URL, allowed: Record<string, readonly string[]>) {
  // Most targets have no query: `searchParams` would build a URLSearchParams to say so.
  if (url.search === "") return;
  for (const [name, value] of url.searchParams) {
    if (!allowed[name]?.includes(value) || url.searchParams.getAll(name).length > 1) {
      throw invalid(`The query parameter "${name}" is not allowed here.`);
    }
  }
}

function postTarget(url: URL, catalog: TargetCatalog): ProxyTarget {
  if (url.hostname === "rest.fal.ai") {
    // fal.storage.upload's initiate: its upload URL would let the browser put any bytes at fal,
    // and change them after a check. Images go to this app's upload route, which decodes them.
    throw notAllowed(
      `The proxy does not start storage uploads: send images to ${imageUploadPath}, which checks them.`,
    );
  }
  const endpoint = url.pathname.slice(1);
  const model = catalog.find((entry) => entry.id === endpoint);
  if (!model) {
    throw new AppError(
      "model_not_allowed",
      403,
      `The model "${endpoint}" is not enabled on this server.`,
    );
  }
  onlyQuery(url, {});
  return { url, operation: url.hostname === "fal.run" ? "run" : "submit", endpoint, model };
}

const readOperations = {
  "": "result",
  "/status": "status",
  "/status/stream": "status-stream",
} as const satisfies Record<string, ProxyOperation>;

/** `queue.fal.run/{app}/requests/{id}{suffix}` for an app of the catalog, or a refusal. */
function queueRequest(url: URL, catalog: TargetCatalog, what: string) {
  if (url.hostname !== "queue.fal.run") throw notAllowed(`${what} only reaches queue.fal.run.`);
  const match = /^\/(.+?)\/requests\/([^/]+)(\/.*)?$/.exec(url.pathname);
  if (!match?.[1] || !match[2]) throw notAllowed(`${what} only reaches a queued request.`);
  const [, app, requestId, suffix = ""] = match;
  if (!catalog.some((model) => queueAppOf(model.id) === app)) {
    throw new AppError(
      "model_not_allowed",
      403,
      `The model "${app}" is not enabled on this server.`,
    );
  }
  if (!requestIdPattern.test(requestId)) throw invalid("The request id is malformed.");
  return { app, requestId, suffix };
}

function getTarget(url: URL, catalog: TargetCatalog): ProxyTarget {
  const { app, requestId, suffix } = queueRequest(url, catalog, "GET");
  if (!Object.hasOwn(readOperations, suffix)) {
    throw notAllowed("GET only reads a request's status, status stream or result.");
  }
  const operation = readOperations[suffix as keyof typeof readOperations];
  onlyQuery(url, operation === "result" ? {} : { logs: ["0", "1"] });
  return { url, operation, endpoint: app, requestId };
}

function putTarget(url: URL, catalog: TargetCatalog): ProxyTarget {
  const { app, requestId, suffix } = queueRequest(url, catalog, "PUT");
  if (suffix !== "/cancel") throw notAllowed("PUT only cancels a request.");
  onlyQuery(url, {});
  return { url, operation: "cancel", endpoint: app, requestId };
}

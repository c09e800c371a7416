/**
 * fal's queue addressing: submit takes the full endpoint id (`fal-ai/flux/dev`), while
 * status, result and cancel take only `[namespace/]owner/alias` (`fal-ai/flux`).
 */

const namespaces = new Set(["workflows", "comfy"]);
const segmentPattern = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
const requestIdPattern = /^[A-Za-z0-9-]{1,64}$/;

export const queueOrigin = "https://queue.fal.run";

export type QueueRoute =
  | { kind: "submit"; endpointId: string; appPath: string }
  | {
      kind: "status" | "stream" | "result" | "cancel";
      appPath: string;
      requestId: string;
    };

/** `[namespace/]owner/alias` of an endpoint id, or null when the id is malformed. */
export function appPathOf(endpointId: string): string | null {
  const segments = endpointId.split("/");
  if (!segments.every((s) => segmentPattern.test(s))) return null;
  const offset = namespaces.has(segments[0] ?? "") ? 1 : 0;
  if (segments.length < offset + 2) return null;
  return segments.slice(0, offset + 2).join("/");
}

/** Classifies a request to the queue host from its method and path segments. */
export function parseQueueRoute(method: string, segments: string[]): QueueRoute | null {
  if (method === "POST") {
    const endpointId = segments.join("/");
    const appPath = appPathOf(endpointId);
    return appPath ? { kind: "submit", endpointId, appPath } : null;
  }
  const offset = namespaces.has(segments[0] ?? "") ? 1 : 0;
  const appSegments = segments.slice(0, offset + 2);
  const appPath = appPathOf(appSegments.join("/"));
  const requestId = segments[offset + 3];
  if (!appPath || appSegments.length !== offset + 2 || segments[offset + 2] !== "requests") {
    return null;
  }
  if (requestId === undefined || !requestIdPattern.test(requestId)) return null;
  const rest = segments.slice(offset + 4).join("/");
  if (method === "GET" && rest === "") return { kind: "result", appPath, requestId };
  if (method === "GET" && rest === "status") return { kind: "status", appPath, requestId };
  if (method === "GET" && rest === "status/stream") return { kind: "stream", appPath, requestId };
  if (method === "PUT" && rest === "cancel") return { kind: "cancel", appPath, requestId };
  return null;
}

/** The URLs fal hands back, in fal's own form so the app treats them like the real thing. */
export function queueUrls(appPath: string, requestId: string) {
  const response_url = `${queueOrigin}/${appPath}/requests/${requestId}`;
  return {
    response_url,
    status_url: `${response_url}/status`,
    cancel_url: `${response_url}/cancel`,
  };
}

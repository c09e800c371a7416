import { describe, expect, it } from "vitest";
import { appPathOf, parseQueueRoute, queueUrls } from "./fal-paths";

const split = (path: string) => path.split("/");

describe("appPathOf", () => {
  it.each([
    ["fal-ai/flux/dev", "fal-ai/flux"],
    ["fal-ai/flux", "fal-ai/flux"],
    ["fal-ai/flux-pro/v1.1-ultra", "fal-ai/flux-pro"],
    ["workflows/me/my-flow/run", "workflows/me/my-flow"],
    ["comfy/me/graph", "comfy/me/graph"],
  ])("%s -> %s", (id, app) => {
    expect(appPathOf(id)).toBe(app);
  });

  it.each(["fal-ai", "workflows/me", "fal-ai//dev", "fal-ai/../x", "fal-ai/%2e%2e", ""])(
    "rejects %j",
    (id) => {
      expect(appPathOf(id)).toBeNull();
    },
  );
});

describe("parseQueueRoute", () => {
  const requestId = "0b3c2d7e-1234-4abc-9def-000000000000";

  it("treats any POST as a submit with the full endpoint id", () => {
    expect(parseQueueRoute("POST", split("fal-ai/flux/dev"))).toEqual({
      kind: "submit",
      endpointId: "fal-ai/flux/dev",
      appPath: "fal-ai/flux",
    });
  });

  it.each([
    ["GET", `fal-ai/flux/requests/${requestId}`, "result"],
    ["GET", `fal-ai/flux/requests/${requestId}/status`, "status"],
    ["GET", `fal-ai/flux/requests/${requestId}/status/stream`, "stream"],
    ["PUT", `fal-ai/flux/requests/${requestId}/cancel`, "cancel"],
  ])("%s %s is %s", (method, path, kind) => {
    expect(parseQueueRoute(method, split(path))).toEqual({
      kind,
      appPath: "fal-ai/flux",
      requestId,
    });
  });

  it("keeps a workflows/ namespace in the app path", () => {
    expect(parseQueueRoute("GET", split(`workflows/me/flow/requests/${requestId}/status`))).toEqual(
      {
        kind: "status",
        appPath: "workflows/me/flow",
        requestId,
      },
    );
  });

  it.each([
    ["GET", `fal-ai/flux/dev/requests/${requestId}`],
    ["GET", `fal-ai/flux/requests`],
    ["GET", `fal-ai/flux/requests/${requestId}/cancel`],
    ["PUT", `fal-ai/flux/requests/${requestId}`],
    ["DELETE", `fal-ai/flux/requests/${requestId}`],
    ["GET", `fal-ai/flux/requests/${requestId}/status/other`],
    ["GET", "fal-ai/flux/requests/bad$id"],
  ])("rejects %s %s", (method, path) => {
    expect(parseQueueRoute(method, split(path))).toBeNull();
  });
});

describe("queueUrls", () => {
  it("uses fal's real queue URLs", () => {
    expect(queueUrls("fal-ai/flux", "r1")).toEqual({
      response_url: "https://queue.fal.run/fal-ai/flux/requests/r1",
      status_url: "https://queue.fal.run/fal-ai/flux/requests/r1/status",
      cancel_url: "https://queue.fal.run/fal-ai/flux/requests/r1/cancel",
    });
  });
});

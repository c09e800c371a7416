import { describe, expect, it } from "vitest";
import { catalog } from "@/lib/catalog/models";
import { AppError } from "@/lib/errors/app-error";
import { parseTarget, proxiedMethod, queueAppOf, type TargetCatalog } from "./target";

// Two of the catalog's models: the rules must hold for any catalog, not only this one.
const policy: TargetCatalog = catalog.filter(
  ({ id }) => id === "fal-ai/flux/schnell" || id === "fal-ai/flux/dev",
);
const queue = "https://queue.fal.run";
const request = `${queue}/fal-ai/flux/requests/0b6d1c2e-3f4a-4b5c-8d9e-0f1a2b3c4d5e`;

function refusal(method: string, target: string | null, withPolicy = policy) {
  return refusalWithMessage(method, target, withPolicy).split(": ")[0];
}

function refusalWithMessage(method: string, target: string | null, withPolicy = policy) {
  try {
    parseTarget(proxiedMethod(method), target, withPolicy);
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}: ${error.message}`;
    throw error;
  }
  return "accepted";
}

describe("parseTarget: what the fal client really sends", () => {
  it.each([
    ["POST", `${queue}/fal-ai/flux/dev`, "submit", "fal-ai/flux/dev"],
    ["POST", "https://fal.run/fal-ai/flux/schnell", "run", "fal-ai/flux/schnell"],
    ["GET", `${request}/status?logs=1`, "status", "fal-ai/flux"],
    ["GET", `${request}/status?logs=0`, "status", "fal-ai/flux"],
    ["GET", `${request}/status`, "status", "fal-ai/flux"],
    ["GET", `${request}/status/stream?logs=1`, "status-stream", "fal-ai/flux"],
    ["GET", request, "result", "fal-ai/flux"],
    ["PUT", `${request}/cancel`, "cancel", "fal-ai/flux"],
  ])("%s %s is a %s of %s", (method, url, operation, endpoint) => {
    expect(parseTarget(proxiedMethod(method), url, policy)).toMatchObject({ operation, endpoint });
  });

  it("names the request id of reads and cancels", () => {
    expect(parseTarget("PUT", `${request}/cancel`, policy).requestId).toBe(
      "0b6d1c2e-3f4a-4b5c-8d9e-0f1a2b3c4d5e",
    );
  });

  it("decides the allow-list once: a run's target carries its catalog entry, a read none", () => {
    const submit = parseTarget("POST", `${queue}/fal-ai/flux/dev`, policy);
    expect(submit.model).toBe(catalog.find(({ id }) => id === "fal-ai/flux/dev"));
    expect(parseTarget("GET", request, policy).model).toBeUndefined();
  });

  it("starts no storage uploads: images go to the app's upload route, which decodes them", () => {
    for (const path of ["initiate?storage_type=fal-cdn-v3", "initiate-multipart", "initiate"]) {
      const url = `https://rest.fal.ai/storage/upload/${path}`;
      expect(refusalWithMessage("POST", url)).toBe(
        "403 target_not_allowed: The proxy does not start storage uploads: send images to /api/uploads, which checks them.",
      );
    }
  });

  it("keeps a workflows/ or comfy/ namespace in the queue app", () => {
    expect(queueAppOf("fal-ai/flux/dev")).toBe("fal-ai/flux");
    expect(queueAppOf("fal-ai/fast-sdxl")).toBe("fal-ai/fast-sdxl");
    expect(queueAppOf("workflows/acme/pipeline/v2")).toBe("workflows/acme/pipeline");
  });
});

describe("parseTarget: the attack catalogue", () => {
  it.each([
    ["no header", null, "Missing x-fal-target-url"],
    ["an empty header", "", "Missing x-fal-target-url"],
    [
      "two headers joined by the platform",
      `${queue}/fal-ai/flux/dev, https://evil.example`,
      "exactly one URL",
    ],
    ["a URL without a scheme", "queue.fal.run/fal-ai/flux/dev", "does not parse"],
    ["a relative URL", "/fal-ai/flux/dev", "does not parse"],
    ["garbage", "https://", "does not parse"],
    ["a scheme downgrade to http", "http://queue.fal.run/fal-ai/flux/dev", "Only https"],
    ["a websocket scheme", "wss://fal.run/fal-ai/flux/dev", "Only https"],
    ["a file URL", "file:///etc/passwd", "Only https"],
    ["user info", "https://user:pass@queue.fal.run/fal-ai/flux/dev", "user info"],
    ["a user name alone", "https://queue.fal.run@evil.example/fal-ai/flux/dev", "user info"],
    ["an explicit default port", "https://queue.fal.run:443/fal-ai/flux/dev", "port"],
    ["an empty port", "https://queue.fal.run:/fal-ai/flux/dev", "port"],
    ["another port", "https://queue.fal.run:8443/fal-ai/flux/dev", "port"],
    ["a host that is not fal", "https://evil.example/fal-ai/flux/dev", "Only fal's hosts"],
    [
      "a look-alike suffix",
      "https://queue.fal.run.evil.example/fal-ai/flux/dev",
      "Only fal's hosts",
    ],
    ["a look-alike prefix", "https://evilqueue.fal.run/fal-ai/flux/dev", "Only fal's hosts"],
    ["a trailing-dot host", "https://queue.fal.run./fal-ai/flux/dev", "Only fal's hosts"],
    ["an upper-case host", "https://QUEUE.FAL.RUN/fal-ai/flux/dev", "canonical form"],
    ["an IPv4 literal", "https://104.18.0.1/fal-ai/flux/dev", "Only fal's hosts"],
    ["a decimal IPv4 literal", "https://1745879041/fal-ai/flux/dev", "Only fal's hosts"],
    ["an IPv6 literal", "https://[::1]/fal-ai/flux/dev", "Only fal's hosts"],
    ["a dot-dot segment", `${queue}/fal-ai/flux/dev/../../other/model`, "normalised"],
    ["a dot segment", `${queue}/fal-ai/./flux/dev`, "normalised"],
    ["an empty segment", `${queue}/fal-ai//flux/dev`, "normalised"],
    ["an encoded slash", `${queue}/fal-ai/flux/dev%2F..%2F..%2Fother`, "percent-encoded"],
    ["a lower-case encoded slash", `${queue}/fal-ai/flux%2fdev`, "percent-encoded"],
    ["encoded dots", `${queue}/fal-ai/flux/%2e%2e/other`, "percent-encoded"],
    ["an encoded backslash", `${queue}/fal-ai/flux/dev%5C..%5Cother`, "percent-encoded"],
    ["double-encoded traversal", `${queue}/fal-ai/flux/dev%252F..%252Fother`, "percent-encoded"],
    ["a raw backslash", `${queue}/fal-ai\\flux/dev`, "backslashes"],
    ["a fragment", `${queue}/fal-ai/flux/dev#x`, "canonical form"],
    ["a tab inside the URL", `${queue}/fal-ai/flux/\tdev`, "without spaces"],
  ])("refuses %s with 400 invalid_target", (_, target, reason) => {
    expect(refusalWithMessage("POST", target)).toMatch(/^400 invalid_target: /);
    expect(refusalWithMessage("POST", target)).toContain(reason);
  });

  it.each([
    ["a model outside the catalog", "POST", "https://fal.run/fal-ai/flux-pro"],
    ["a path below a catalog model", "POST", `${queue}/fal-ai/flux/dev/extra`],
    ["a streaming run", "POST", "https://fal.run/fal-ai/flux/dev/stream"],
    ["a status read of another app", "GET", `${queue}/fal-ai/flux-pro/requests/abc/status`],
    ["a cancel in another app", "PUT", `${queue}/someone/else/requests/abc/cancel`],
  ])("refuses %s with 403 model_not_allowed", (_, method, target) => {
    expect(refusal(method, target)).toBe("403 model_not_allowed");
  });

  it.each([
    ["a GET that runs a model on fal.run", "GET", "https://fal.run/fal-ai/flux/dev?prompt=x"],
    ["a GET that submits to the queue", "GET", `${queue}/fal-ai/flux/dev`],
    ["a GET of the storage API", "GET", "https://rest.fal.ai/storage/upload/initiate"],
    ["a GET below a request", "GET", `${request}/logs`],
    ["a PUT that runs a model", "PUT", "https://fal.run/fal-ai/flux/dev"],
    ["a PUT to the queue submit URL", "PUT", `${queue}/fal-ai/flux/dev`],
    ["a PUT that reads a status", "PUT", `${request}/status`],
    ["a POST for realtime tokens", "POST", "https://rest.fal.ai/tokens"],
  ])("refuses %s with 403 target_not_allowed", (_, method, target) => {
    expect(refusal(method, target)).toBe("403 target_not_allowed");
  });

  it.each([
    [
      "a webhook on submit",
      "POST",
      `${queue}/fal-ai/flux/dev?fal_webhook=https://evil.example`,
      '"fal_webhook" is not allowed',
    ],
    [
      "input smuggled into a run",
      "POST",
      "https://fal.run/fal-ai/flux/dev?prompt=x",
      '"prompt" is not allowed',
    ],
    [
      "an unknown status option",
      "GET",
      `${request}/status?logs=1&debug=1`,
      '"debug" is not allowed',
    ],
    ["a repeated status option", "GET", `${request}/status?logs=1&logs=0`, '"logs" is not allowed'],
    ["a query on a result", "GET", `${request}?x=1`, '"x" is not allowed'],
    ["a query on a cancel", "PUT", `${request}/cancel?force=1`, '"force" is not allowed'],
    [
      "a malformed request id",
      "GET",
      `${queue}/fal-ai/flux/requests/a.b/status`,
      "request id is malformed",
    ],
  ])("refuses %s with 400 invalid_target", (_, method, target, reason) => {
    expect(refusalWithMessage(method, target)).toMatch(/^400 invalid_target: /);
    expect(refusalWithMessage(method, target)).toContain(reason);
  });

  // The server reroutes api.fal.ai to the emulator, but the browser must never reach it:
  // it reads prices and usage with the owner's key.
  it.each([
    ["GET", "https://api.fal.ai/v1/models/pricing?endpoint_id=fal-ai/flux/dev"],
    ["GET", "https://api.fal.ai/v1/models/usage"],
    ["POST", "https://api.fal.ai/v1/models/pricing"],
    ["PUT", "https://api.fal.ai/v1/models/pricing"],
  ])("refuses fal's Platform API, which only the server calls: %s %s", (method, target) => {
    expect(refusalWithMessage(method, target)).toMatch(/^400 invalid_target: Only fal's hosts/);
    expect(refusalWithMessage(method, target)).not.toContain("api.fal.ai");
  });

  it.each(["DELETE", "PATCH", "HEAD", "OPTIONS", "CONNECT", "TRACE"])(
    "refuses %s with 405",
    (method) => {
      expect(refusal(method, `${queue}/fal-ai/flux/dev`)).toBe("405 method_not_allowed");
    },
  );
});

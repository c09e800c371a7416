import { describe, expect, it } from "vitest";
import { checkTarget } from "./target-policy";

const catalog = ["fal-ai/flux/schnell", "fal-ai/flux/dev"];
const codeOf = (method: string, target: string | null) => {
  const refusal = checkTarget(method, target, catalog);
  return refusal && { code: refusal.code, status: refusal.status };
};

describe("checkTarget", () => {
  it("lets the client's own calls for catalog models through", () => {
    expect(codeOf("POST", "https://queue.fal.run/fal-ai/flux/dev")).toBeNull();
    expect(codeOf("POST", "https://fal.run/fal-ai/flux/schnell")).toBeNull();
    expect(
      codeOf("GET", "https://queue.fal.run/fal-ai/flux/requests/abc/status?logs=1"),
    ).toBeNull();
    expect(codeOf("PUT", "https://queue.fal.run/fal-ai/flux/requests/abc/cancel")).toBeNull();
    expect(
      codeOf("POST", "https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3"),
    ).toBeNull();
  });

  it("refuses a missing or unparsable target with 400", () => {
    expect(codeOf("POST", null)).toEqual({ code: "invalid_target", status: 400 });
    expect(codeOf("POST", "queue.fal.run/fal-ai/flux/dev")).toEqual({
      code: "invalid_target",
      status: 400,
    });
  });

  it("refuses hosts that are not fal, look-alikes and plain http", () => {
    for (const target of [
      "https://evil.example.com/fal-ai/flux/dev",
      "https://fal.run.evil.example.com/fal-ai/flux/dev",
      "https://queue.fal.run:8443/fal-ai/flux/dev",
      "http://queue.fal.run/fal-ai/flux/dev",
    ]) {
      expect(codeOf("POST", target), target).toEqual({ code: "invalid_target", status: 400 });
    }
  });

  it("refuses a POST to a model outside the catalog with 403, naming it", () => {
    const refusal = checkTarget("POST", "https://fal.run/fal-ai/flux-pro", catalog);
    expect(refusal?.status).toBe(403);
    expect(refusal?.code).toBe("model_not_allowed");
    expect(refusal?.message).toContain('"fal-ai/flux-pro"');
    expect(codeOf("POST", "https://queue.fal.run/fal-ai/flux/dev/extra")?.code).toBe(
      "model_not_allowed",
    );
  });
});

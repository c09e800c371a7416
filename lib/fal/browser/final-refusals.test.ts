import { describe, expect, it, vi } from "vitest";
import { describeError } from "./describe-error";
import { fetchWithFinalRefusals } from "./final-refusals";

const answer = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("fetchWithFinalRefusals", () => {
  it("throws the proxy's own 429 at once, as the error the page describes", async () => {
    const refusal = {
      error: { code: "rate_limited", message: "You have used 30 runs this minute." },
    };
    const fetchImpl = vi.fn(answer(429, refusal));
    const error = await fetchWithFinalRefusals(fetchImpl)("/api/fal/proxy").catch((e) => e);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(error).toMatchObject({ name: "ApiError", status: 429, body: refusal });
    expect(describeError(error).message).toBe("You have used 30 runs this minute.");
  });

  it("leaves fal's own 429s and every other answer to the fal client", async () => {
    const fromFal = await fetchWithFinalRefusals(answer(429, { detail: "busy" }))("/x");
    expect(fromFal.status).toBe(429);
    expect(await fromFal.json()).toEqual({ detail: "busy" });
    const ok = await fetchWithFinalRefusals(answer(200, { request_id: "r1" }))("/x");
    expect(await ok.json()).toEqual({ request_id: "r1" });
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { createGuardKit, refusalOf, submitUrl } from "../../tooling/testing/guard-kit";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const asJson = (text: string) => ({ body: text, headers: { "content-type": "application/json" } });

describe("the guard: model input (the attack catalogue)", () => {
  it.each([
    [
      "the issue's whole attack",
      '{"prompt":"x","num_images":1000,"image_size":{"width":14142,"height":14142},"num_inference_steps":50,"enable_safety_checker":false,"sync_mode":true}',
      "image_size",
    ],
    [
      "the safety checker off",
      '{"prompt":"x","enable_safety_checker":false}',
      "enable_safety_checker",
    ],
    [
      "the safety checker as a string",
      '{"prompt":"x","enable_safety_checker":"true"}',
      "enable_safety_checker",
    ],
    ["synchronous mode on", '{"prompt":"x","sync_mode":true}', "sync_mode"],
    [
      "more steps than the entry fixes",
      '{"prompt":"x","num_inference_steps":50}',
      "num_inference_steps",
    ],
    ["other guidance than the entry fixes", '{"prompt":"x","guidance_scale":20}', "guidance_scale"],
    ["a thousand images", '{"prompt":"x","num_images":1000}', "num_images"],
    ["no images", '{"prompt":"x","num_images":0}', "num_images"],
    [
      "a custom size of 200 megapixels",
      '{"prompt":"x","image_size":{"width":14142,"height":14142}}',
      "image_size",
    ],
    ["a size that is not a preset", '{"prompt":"x","image_size":"square_8k"}', "image_size"],
    ["a seed beyond 32 bits", '{"prompt":"x","seed":4294967296}', "seed"],
    ["a fractional seed", '{"prompt":"x","seed":1.5}', "seed"],
    ["an empty prompt", '{"prompt":"  "}', "prompt"],
    ["no prompt", '{"num_images":1}', "prompt"],
    [
      "a webhook in the body",
      '{"prompt":"x","webhook_url":"https://evil.example/hook"}',
      "webhook_url",
    ],
    ["an unknown option", '{"prompt":"x","output_format":"png"}', "output_format"],
    ["a prototype key", '{"prompt":"x","__proto__":{"enable_safety_checker":false}}', "__proto__"],
    ["a constructor key", '{"prompt":"x","constructor":{"prototype":{}}}', "constructor"],
    [
      "a duplicate key whose last value is out of range",
      '{"prompt":"x","num_images":1,"num_images":1000}',
      "num_images",
    ],
  ])(
    "refuses %s with 400 invalid_input naming the field, and sends nothing",
    async (_, body, field) => {
      const kit = createGuardKit();
      expect(await refusalOf(await kit.call(asJson(body)))).toMatchObject({
        status: 400,
        code: "invalid_input",
        field,
      });
      expect(kit.fal).not.toHaveBeenCalled();
      expect(kit.audit.at(-1)).toMatchObject({
        status: 400,
        error: "invalid_input",
        costUsd: null,
      });
    },
  );

  it("refuses a huge prompt", async () => {
    const kit = createGuardKit({ maxBodyBytes: 64 * 1024 });
    const response = await kit.call(asJson(JSON.stringify({ prompt: "x".repeat(20_000) })));
    expect(await refusalOf(response)).toMatchObject({
      status: 400,
      code: "invalid_input",
      field: "prompt",
    });
    expect(kit.fal).not.toHaveBeenCalled();
  });

  it.each(["[]", '"a prompt"', "42", "null", "true"])(
    "refuses the non-object JSON %s with 400 invalid_body",
    async (body) => {
      const kit = createGuardKit();
      const refusal = await refusalOf(await kit.call(asJson(body)));
      expect(refusal).toMatchObject({ status: 400, code: "invalid_body" });
      expect(refusal).not.toHaveProperty("field");
      expect(kit.fal).not.toHaveBeenCalled();
    },
  );

  it("forwards the checked input re-serialised, with the owner's fixed fields, never the raw text", async () => {
    const kit = createGuardKit();
    // With duplicate keys, JSON.parse keeps the last; another parser might keep the first.
    const raw = '{"num_images":1000,"prompt":" a cat ","num_images":2}';
    expect((await kit.call(asJson(raw))).status).toBe(200);
    const sent = JSON.parse(String(kit.sent().body));
    expect(sent).toEqual({
      prompt: "a cat",
      image_size: "landscape_4_3",
      num_images: 2,
      num_inference_steps: 28,
      guidance_scale: 3.5,
      enable_safety_checker: true,
      sync_mode: false,
    });
    expect(String(kit.sent().body).match(/num_images/g)).toHaveLength(1);
    expect(kit.sent().url).toBe(submitUrl);
  });

  it("checks a synchronous run on fal.run by the same rules", async () => {
    const kit = createGuardKit();
    const response = await kit.call({
      target: "https://fal.run/fal-ai/flux/schnell",
      ...asJson('{"prompt":"x","num_images":9}'),
    });
    expect(await refusalOf(response)).toMatchObject({
      status: 400,
      code: "invalid_input",
      field: "num_images",
    });
    expect(kit.fal).not.toHaveBeenCalled();
  });

  it("records the run's estimated cost in the audit line", async () => {
    const kit = createGuardKit();
    await kit.call(asJson('{"prompt":"x","image_size":"square_hd","num_images":3}'));
    expect(kit.audit.at(-1)).toMatchObject({ status: 200, costUsd: 0.075 });
  });
});

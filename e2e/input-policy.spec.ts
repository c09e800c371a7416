import { falProxyPath } from "../lib/fal/proxy-contract";
import { e2ePorts } from "../tooling/testing/e2e-env";
import { callProxy, isProxiedSubmit } from "../tooling/testing/proxy-calls";
import { watchAppLog } from "./support/app-log";
import { emulator } from "./support/emulator";
import { expect, test } from "./support/fixtures";

test("a direct proxy call that turns the safety checker off gets a 400 and nothing reaches fal", async ({
  request,
}) => {
  const log = watchAppLog(e2ePorts.app);
  const runsBefore = await emulator.modelRuns();
  const response = await callProxy(request, {
    data: { prompt: "Anything at all", enable_safety_checker: false },
  });

  expect(response.status()).toBe(400);
  expect(await response.json()).toEqual({
    error: {
      code: "invalid_input",
      field: "enable_safety_checker",
      message: "enable_safety_checker is fixed to true for FLUX.1 [schnell] on this server.",
    },
  });
  expect(await emulator.modelRuns()).toBe(runsBefore);
  await expect
    .poll(() => log.auditLines().filter((line) => line.error === "invalid_input").length)
    .toBe(1);
});

test("the costly input of the issue is refused whole, field by field", async ({ request }) => {
  const runsBefore = await emulator.modelRuns();
  const attack = {
    prompt: "x",
    num_images: 1000,
    image_size: { width: 14142, height: 14142 },
    num_inference_steps: 50,
    enable_safety_checker: false,
    sync_mode: true,
  };
  for (const field of Object.keys(attack).filter((key) => key !== "prompt")) {
    const response = await callProxy(request, {
      data: { prompt: "x", [field]: attack[field as keyof typeof attack] },
    });
    expect(response.status(), field).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "invalid_input", field });
  }
  expect(await emulator.modelRuns()).toBe(runsBefore);
});

test("the page sends the owner's fixed fields and shows the cost before generating", async ({
  page,
  generator,
}) => {
  await generator.goto();
  const cost = generator.estimatedCost;
  await expect(cost).toHaveText("Estimated cost: $0.003");
  await generator.chooseModel("FLUX.1 [dev]");
  await page.getByLabel("Image size").selectOption("square_hd");
  await page.getByLabel("Number of images").selectOption("4");
  await expect(cost).toHaveText("Estimated cost: $0.10");
  await page.getByLabel("Number of images").selectOption("1");

  const submitted = page.waitForResponse(isProxiedSubmit);
  await generator.generate("A checked input");
  const { request_id: requestId } = (await (await submitted).json()) as { request_id: string };
  expect((await emulator.request(requestId)).input).toEqual({
    prompt: "A checked input",
    image_size: "square_hd",
    num_images: 1,
    num_inference_steps: 28,
    guidance_scale: 3.5,
    enable_safety_checker: true,
    sync_mode: false,
  });
  await expect(generator.image("A checked input")).toBeVisible();
});

test("a refused input is explained on the page, and the prompt is kept", async ({
  page,
  generator,
}) => {
  // What a tampered client would send: the proxy's answer must reach the user as words.
  await page.route(`**${falProxyPath}`, async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    const input = { ...request.postDataJSON(), sync_mode: true };
    await route.continue({ postData: JSON.stringify(input) });
  });
  await generator.goto();
  await generator.generate("A tampered request");
  await expect(generator.alert).toContainText(
    "sync_mode is fixed to false for FLUX.1 [schnell] on this server.",
  );
  await expect(generator.prompt).toHaveValue("A tampered request");
});

import { demoUser } from "../tooling/testing/demo-user";
import { e2eLimits, e2ePorts, e2eSecrets } from "../tooling/testing/e2e-env";
import { callProxy, isProxiedSubmit } from "../tooling/testing/proxy-calls";
import { browserSignedInAs, freshTestUser } from "../tooling/testing/sessions";
import { watchAppLog } from "./support/app-log";
import { expect, test } from "./support/fixtures";
import { generatorPage } from "./support/pages/generator-page";

test("a user over the per-minute limit is told when to come back", async ({ browser }) => {
  const context = await browserSignedInAs(browser, freshTestUser("busy"));
  const spend = Array.from({ length: e2eLimits.perMinute }, () => callProxy(context.request));
  for (const response of await Promise.all(spend)) expect(response.status()).toBe(200);

  const generator = generatorPage(await context.newPage());
  const submits: string[] = [];
  generator.page.on("response", (response) => {
    if (isProxiedSubmit(response)) submits.push(response.url());
  });
  await generator.goto();
  await generator.generate("One more than allowed");

  await expect(generator.alert).toContainText(
    new RegExp(
      `You can start ${e2eLimits.perMinute} generations per minute; that limit is reached\\. Try again in (\\d+ seconds|a second)\\.`,
    ),
  );
  await expect(generator.prompt).toHaveValue("One more than allowed");
  // The refusal is final: fal's client would otherwise send the submit three more times.
  expect(submits).toHaveLength(1);
  await context.close();
});

test("every proxied call leaves one audit line, with ids and outcomes but no secrets or prompt", async ({
  generator,
  context,
}) => {
  const log = watchAppLog(e2ePorts.app);
  const prompt = "A secret garden behind a blue door";
  await generator.goto();
  await generator.generate(prompt);
  await expect(generator.image(prompt)).toBeVisible();

  const ours = () => log.auditLines().filter((line) => line.user === `oidc:${demoUser.sub}`);
  // Audit lines are written at the end of the server's event-loop turn, just after the answer.
  await expect.poll(() => ours().some((line) => line.operation === "result")).toBe(true);
  const lines = ours();
  const submit = lines.find((line) => line.operation === "submit");
  expect(submit).toMatchObject({
    method: "POST",
    endpoint: "fal-ai/flux/schnell",
    status: 200,
    falRequestId: expect.any(String),
    durationMs: expect.any(Number),
    error: null,
  });
  // The page's three calls for one image, one line each.
  const calls = lines.filter((line) => line.falRequestId === submit?.falRequestId);
  expect(calls.map((line) => line.operation)).toEqual(["submit", "status-stream", "result"]);

  const session = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  expect(session?.value.length).toBeGreaterThan(20);
  for (const secret of [prompt, e2eSecrets.falKey, session?.value ?? "missing"]) {
    expect(log.text()).not.toContain(secret);
  }
});

import { afterEach, describe, expect, it, vi } from "vitest";
import type { ServerEnv } from "@/lib/env";
import { chooseVerifiedEmail, githubProfileWithVerifiedEmail } from "./github-email";
import { configuredProviders } from "./providers";

const row = (email: string, primary: boolean, verified: boolean) => ({
  email,
  primary,
  verified,
  visibility: null,
});

describe("chooseVerifiedEmail", () => {
  it("takes the primary address when GitHub has verified it", () => {
    expect(
      chooseVerifiedEmail([row("old@corp.com", false, true), row("ada@corp.com", true, true)]),
    ).toBe("ada@corp.com");
  });

  it("passes over an unverified primary for another verified address", () => {
    expect(
      chooseVerifiedEmail([row("ceo@corp.com", true, false), row("ada@home.dev", false, true)]),
    ).toBe("ada@home.dev");
  });

  it("gives no address when none is verified", () => {
    expect(chooseVerifiedEmail([row("ceo@corp.com", true, false)])).toBeNull();
    expect(chooseVerifiedEmail([])).toBeNull();
  });

  it("gives no address for an answer that is not a list of emails", () => {
    expect(chooseVerifiedEmail({ message: "Bad credentials" })).toBeNull();
    const truthy = { email: "ceo@corp.com", primary: true, verified: "yes" };
    expect(chooseVerifiedEmail([truthy])).toBeNull();
    expect(chooseVerifiedEmail([null, { verified: true }])).toBeNull();
  });
});

describe("the GitHub profile the app signs in with", () => {
  const provider = { userinfo: { url: new URL("https://api.github.com/user") } };
  const tokens = { access_token: "gho_test" };

  function stubGitHub(profile: Record<string, unknown>, emails: Response) {
    const fetch = vi.fn(async (url: string | URL | Request) =>
      String(url).endsWith("/user/emails") ? emails : Response.json(profile),
    );
    vi.stubGlobal("fetch", fetch);
    return fetch;
  }
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("ignores an unverified public email and marks the profile unverified", async () => {
    stubGitHub(
      { id: 1, login: "eve", email: "ceo@corp.com" },
      Response.json([row("ceo@corp.com", true, false)]),
    );
    expect(await githubProfileWithVerifiedEmail({ tokens, provider })).toMatchObject({
      id: 1,
      login: "eve",
      email: null,
      email_verified: false,
    });
  });

  it("takes the verified address from the list, with the user's token", async () => {
    const fetch = stubGitHub(
      { id: 2, login: "ada", email: null },
      Response.json([row("ada@corp.com", true, true)]),
    );
    expect(await githubProfileWithVerifiedEmail({ tokens, provider })).toMatchObject({
      email: "ada@corp.com",
      email_verified: true,
    });
    expect(fetch).toHaveBeenCalledWith("https://api.github.com/user/emails", {
      headers: expect.objectContaining({ Authorization: "Bearer gho_test" }),
    });
  });

  it("marks the profile unverified when the email list cannot be read", async () => {
    stubGitHub(
      { id: 3, login: "bob", email: "bob@corp.com" },
      new Response("forbidden", { status: 403 }),
    );
    expect(await githubProfileWithVerifiedEmail({ tokens, provider })).toMatchObject({
      email: null,
      email_verified: false,
    });
  });

  it("is the request the configured GitHub provider makes", () => {
    const env = { github: { clientId: "id", clientSecret: "secret" } } as ServerEnv;
    const [github] = configuredProviders(env);
    // Auth.js deep-merges `options` over the provider's defaults when it starts.
    expect(github).toMatchObject({
      id: "github",
      options: { userinfo: { request: githubProfileWithVerifiedEmail } },
    });
  });
});

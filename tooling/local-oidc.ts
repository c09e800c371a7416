import { LRUCache } from "lru-cache";
import { OAuth2Server } from "oauth2-mock-server";
import { demoUser, type LocalUser, localUserFor, localUsers } from "./testing/demo-user";

/** The claims of a JWT this provider signed: only its own tokens reach it, so no check. */
function claimsOf(jwt: string | undefined): { sub?: unknown } {
  try {
    return JSON.parse(Buffer.from(jwt?.split(".")[1] ?? "", "base64url").toString("utf8"));
  } catch {
    return {};
  }
}

/**
 * A local OpenID Connect provider for demo mode and tests. It approves every sign-in at once,
 * so the app runs the same authorization-code flow it runs against GitHub or any real issuer.
 * It signs in the demo user, or the user an authorization request names in `login_hint`
 * (tooling/testing/demo-user.ts).
 */
export async function startLocalOidc(port: number) {
  const server = new OAuth2Server();
  await server.issuer.keys.generate("RS256");
  // Who each authorization code was issued for, until the app redeems it.
  const codes = new LRUCache<string, LocalUser>({ max: 1_000 });

  server.service.on("beforeAuthorizeRedirect", ({ url }, req) => {
    const hint = new URL(req.url ?? "/", "http://localhost").searchParams.get("login_hint");
    const code = url.searchParams.get("code");
    if (code) codes.set(code, localUserFor(hint));
  });
  server.service.on("beforeTokenSigning", (token, req) => {
    Object.assign(token.payload, codes.get(req.body.code ?? "") ?? demoUser);
  });
  server.service.on("beforeResponse", (_response, req) => {
    if (req.body.code) codes.delete(req.body.code);
  });
  server.service.on("beforeUserinfo", (response, req) => {
    const { sub } = claimsOf(req.headers.authorization?.replace(/^Bearer /, ""));
    response.body = { ...(localUsers.find((user) => user.sub === sub) ?? demoUser) };
  });
  // One host name everywhere: the issuer must match its discovery document exactly.
  await server.start(port, "localhost");
  return {
    issuer: `http://localhost:${port}`,
    close: () => server.stop(),
  };
}

import { OAuth2Server } from "oauth2-mock-server";
import { demoUser } from "./demo-user";

/**
 * A local OpenID Connect provider for demo mode and tests. It approves every sign-in at once,
 * so the app runs the same authorization-code flow it runs against GitHub or any real issuer.
 */
export async function startLocalOidc(port: number) {
  const server = new OAuth2Server();
  await server.issuer.keys.generate("RS256");
  server.service.on("beforeTokenSigning", (token) => {
    Object.assign(token.payload, demoUser);
  });
  server.service.on("beforeUserinfo", (response) => {
    response.body = { ...demoUser };
  });
  // One host name everywhere: the issuer must match its discovery document exactly.
  await server.start(port, "localhost");
  return {
    issuer: `http://localhost:${port}`,
    close: () => server.stop(),
  };
}

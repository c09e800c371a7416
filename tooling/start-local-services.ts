import { createEmulator } from "./emulator/server";
import { startLocalOidc } from "./local-oidc";
import type { LocalPorts } from "./testing/local-env";

/** Starts the emulator (which demands `falKey`, as fal does) and the local OIDC provider. */
export async function startLocalServices(ports: LocalPorts, falKey: string) {
  const emulator = await createEmulator({ port: ports.emulator, falKey });
  const oidc = await startLocalOidc(ports.oidc).catch(async (error) => {
    await emulator.close();
    throw error;
  });
  return {
    emulatorUrl: emulator.url,
    oidcIssuer: oidc.issuer,
    close: async () => {
      await Promise.allSettled([emulator.close(), oidc.close()]);
    },
  };
}

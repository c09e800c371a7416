import { type LocalPorts, localAppEnv } from "../../scripts/local-env";

/** Ports apart from demo mode's, so `npm run demo` and the tests can run side by side. */
export const e2ePorts: LocalPorts = { app: 3100, emulator: 4100, oidc: 4101 };

/** Fixed test-only secrets: the tests must know them to prove where they do and do not appear. */
export const e2eSecrets = {
  falKey: "e2e-fal-key-3f9c2a7d41b84e0c",
  authSecret: "e2e-auth-secret-b6f1d0c8a9e2437f8d5c1a0b",
};

export const e2eAppEnv = localAppEnv(e2ePorts, e2eSecrets);
export const appUrl = `http://localhost:${e2ePorts.app}`;
export const emulatorUrl = `http://localhost:${e2ePorts.emulator}`;
export const storageStatePath = "e2e/.auth/demo-user.json";

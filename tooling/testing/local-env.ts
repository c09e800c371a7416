import { randomBytes } from "node:crypto";
import { demoUser } from "./demo-user";

export type LocalPorts = { app: number; emulator: number; oidc: number };

export const demoPorts: LocalPorts = { app: 3000, emulator: 4010, oidc: 4011 };

export function randomSecret(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The environment that points the app at the local fal emulator and the local sign-in.
 * Demo mode and the e2e tests both use it, so they run the app exactly the same way.
 */
export function localAppEnv(ports: LocalPorts, secrets: { falKey: string; authSecret: string }) {
  return {
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: secrets.authSecret,
    AUTH_TRUST_HOST: "true",
    AUTH_URL: `http://localhost:${ports.app}`,
    AUTH_OIDC_ISSUER: `http://localhost:${ports.oidc}`,
    AUTH_OIDC_ID: "fal-starter-local",
    AUTH_OIDC_SECRET: "local-only-secret",
    AUTH_OIDC_NAME: "Demo account (local)",
    AUTH_ALLOWED_EMAILS: demoUser.email,
    FAL_KEY: secrets.falKey,
    FAL_EMULATOR_URL: `http://localhost:${ports.emulator}`,
  };
}

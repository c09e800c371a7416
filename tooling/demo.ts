/**
 * `npm run demo`: the whole app offline. Builds and starts the production server with the
 * local fal emulator and a local sign-in, using secrets made for this run. Ctrl-C stops it all.
 */
import type { ChildProcess } from "node:child_process";
import { startLocalServices } from "./start-local-services";
import { demoPorts, localAppEnv, randomSecret } from "./testing/local-env";
import { spawnNext } from "./testing/next-process";

const ports = { ...demoPorts, app: Number(process.env.PORT ?? demoPorts.app) };
const secrets = { falKey: `demo-${randomSecret()}`, authSecret: randomSecret() };
const env = { ...process.env, ...localAppEnv(ports, secrets) };

let child: ChildProcess | undefined;
let stopping = false;

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    child = spawnNext(args, { env, stdio: "inherit" });
    child.once("exit", (code) =>
      code === 0 || stopping ? resolve() : reject(new Error(`next ${args[0]} exited with ${code}`)),
    );
  });
}

const services = await startLocalServices(ports, secrets.falKey).catch((error: Error) => {
  console.error(`Could not start the local services: ${error.message}`);
  console.error(`Are ports ${ports.emulator} and ${ports.oidc} free?`);
  process.exit(1);
});

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  child?.kill("SIGTERM");
  await services.close();
  process.exit(code);
}
process.once("SIGINT", () => void stop(0));
process.once("SIGTERM", () => void stop(0));

try {
  console.log("Building the app (next build)…");
  await run(["build"]);
  if (stopping) process.exit(0);
  console.log(`
  Demo mode: nothing leaves this machine.
    App            http://localhost:${ports.app}
    fal emulator   ${services.emulatorUrl}   (stands in for fal.ai; demands this run's FAL_KEY)
    Sign-in        ${services.oidcIssuer}   (signs you in as a demo user, no password)

  Open http://localhost:${ports.app}, choose "Sign in", then "Demo account (local)".
  Ctrl-C stops everything.
`);
  await run(["start", "--port", String(ports.app)]);
  await stop(0);
} catch (error) {
  console.error((error as Error).message);
  await stop(1);
}

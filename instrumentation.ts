/** Runs once when the server starts: validate the environment, then wire the emulator if asked. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkEnvironmentAndWireEmulator } = await import("@/lib/check-environment");
  checkEnvironmentAndWireEmulator();
}

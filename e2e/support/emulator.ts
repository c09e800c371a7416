import { emulatorUrl } from "../../tooling/testing/e2e-env";
import { emulatorControl } from "../../tooling/testing/emulator-control";

/** The e2e emulator's test controls. */
export const emulator = emulatorControl(emulatorUrl);

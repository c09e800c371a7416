import { emulatorUrl } from "../../testing/e2e-env";
import { emulatorControl } from "../../testing/emulator-control";

/** The e2e emulator's test controls. */
export const emulator = emulatorControl(emulatorUrl);

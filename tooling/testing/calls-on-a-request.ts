/**
 * Test data shared by the unit and e2e tests: every call the fal client makes on a request it
 * submitted (as method and URL suffix), which is what request ownership must guard.
 */
export const callsOnARequest = [
  ["GET", "/status?logs=1"],
  ["GET", "/status/stream?logs=1"],
  ["GET", ""],
  ["PUT", "/cancel"],
] as const;

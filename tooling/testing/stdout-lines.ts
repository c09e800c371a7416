import { vi } from "vitest";

/**
 * What the code under test writes to `process.stdout` (the audit lines), line by line, kept
 * from the test's own output. The reader waits for the end of the event loop's turn first:
 * the audit lines of a turn are written then. Restored by `vi.restoreAllMocks()`.
 */
export function captureStdoutLines(): () => Promise<string[]> {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  });
  return async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return chunks.join("").split("\n").filter(Boolean);
  };
}

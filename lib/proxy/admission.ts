import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

const admittedUser = new AsyncLocalStorage<string>();

/** Runs the library's handler for a request the guard has admitted, on behalf of `userId`. */
export function runAdmitted<T>(userId: string, handle: () => Promise<T>): Promise<T> {
  return admittedUser.run(userId, handle);
}

/**
 * For `createRouteHandler`'s `isAuthenticated`: true only inside `runAdmitted`, so the session
 * is checked once, by the guard, and the library wired without the guard refuses everyone.
 */
export async function isAdmittedByGuard(): Promise<boolean> {
  return admittedUser.getStore() !== undefined;
}

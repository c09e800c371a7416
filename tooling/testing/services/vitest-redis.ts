/**
 * Vitest's global setup: decides once, for every test file, whether the Redis-backed cases
 * run. Without redis-server they are skipped after one line saying how to install it, except
 * under CI, where the run fails.
 */
import type { TestProject } from "vitest/node";
import { notices } from "./notices";
import { isCi, readTestServices } from "./services-file";

declare module "vitest" {
  export interface ProvidedContext {
    /** The redis-server binary the store tests start, or null: their Redis cases skip. */
    redisServer: string | null;
  }
}

export default function setup(project: TestProject): void {
  const { redisServer } = readTestServices();
  if (!redisServer) {
    if (isCi()) {
      // The message is the whole story: a stack through Vitest's loader would bury it.
      console.error(notices.redisRequired);
      process.exit(1);
    }
    console.log(notices.redisSkipped);
  }
  project.provide("redisServer", redisServer);
}

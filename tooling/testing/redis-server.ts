/**
 * A throwaway `redis-server` for tests: the real thing, on a free port, with nothing on disk.
 * Where there is none (scripts/test-services/vitest-redis.ts decides, once), the Redis cases
 * are skipped, never silently dropped.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, inject, it } from "vitest";
import { connectRedis } from "@/lib/stores/redis-client";

export type TestRedis = { url: string; stop(): Promise<void> };

const redisServer = inject("redisServer");
/** The same as the global setup's answer: false, and every Redis case is skipped. */
export const hasRedisServer = redisServer !== null;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startTestRedis(): Promise<TestRedis> {
  if (!redisServer) throw new Error("redis-server is not installed; skip this case without it.");
  const port = await freePort();
  const child: ChildProcess = spawn(
    redisServer,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
  child.stdout?.resume();
  const url = `redis://127.0.0.1:${port}`;
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}

/**
 * One redis-server for a test file, emptied before each test; every connection it handed out
 * is closed, and the server stopped, after the file. Cases that need it are declared with
 * `redis.it`, `redis.describe` or `redis.eachStore`, which skip them without a redis-server.
 */
export function redisForTests() {
  let server: TestRedis | undefined;
  const clients: Redis[] = [];
  const track = (client: Redis) => {
    clients.push(client);
    return client;
  };
  const url = () => {
    if (!server) throw new Error("redis-server did not start; declare this case with redis.it");
    return server.url;
  };
  if (hasRedisServer) {
    beforeAll(async () => {
      server = await startTestRedis();
    });
    beforeEach(async () => {
      await track(connectRedis(url())).flushall();
    });
    afterAll(async () => {
      for (const client of clients) client.disconnect();
      await server?.stop();
    });
  }
  const describeWithRedis = describe.skipIf(!hasRedisServer);
  return {
    /** A new connection, as each app instance has its own. */
    connect: () => track(connectRedis(url())),
    /** A client for a Redis that is not there. */
    unreachable: () => track(connectRedis("redis://127.0.0.1:1")),
    track,
    it: it.skipIf(!hasRedisServer),
    describe: describeWithRedis,
    /** The same cases for a store in memory and in Redis: "<title> in memory", "<title> in Redis". */
    eachStore<T>(title: string, stores: { memory: T; redis: T }, cases: (store: T) => void) {
      describe(`${title} in memory`, () => cases(stores.memory));
      describeWithRedis(`${title} in Redis`, () => cases(stores.redis));
    },
  };
}

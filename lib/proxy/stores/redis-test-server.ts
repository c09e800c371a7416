/** A throwaway `redis-server` for tests: the real thing, on a free port, with nothing on disk. */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { connectRedis } from "./redis-client";

export type TestRedis = { url: string; stop(): Promise<void> };

export function redisServerBinary(): string {
  const found = spawnSync("redis-server", ["--version"], { stdio: "ignore" });
  if (found.error || found.status !== 0) {
    throw new Error(
      "redis-server is not installed; the Redis tests need it (Debian: apt-get install -y redis-server; .ci/run installs it).",
    );
  }
  return "redis-server";
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startTestRedis(): Promise<TestRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    redisServerBinary(),
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
 * is closed, and the server stopped, after the file.
 */
export function redisForTests() {
  let server: TestRedis;
  const clients: Redis[] = [];
  const track = (client: Redis) => {
    clients.push(client);
    return client;
  };
  beforeAll(async () => {
    server = await startTestRedis();
  });
  beforeEach(async () => {
    await track(connectRedis(server.url)).flushall();
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await server.stop();
  });
  return {
    /** A new connection, as each app instance has its own. */
    connect: () => track(connectRedis(server.url)),
    /** A client for a Redis that is not there. */
    unreachable: () => track(connectRedis("redis://127.0.0.1:1")),
    track,
  };
}

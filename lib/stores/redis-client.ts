import "server-only";
import { Redis } from "ioredis";

/**
 * One connection per server instance. Commands fail fast while Redis is unreachable (the
 * proxy then refuses submits rather than run them unmetered), and the client reconnects on
 * its own; connection errors are logged at most once a minute.
 */
export function connectRedis(url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 5_000 });
  let lastLogged = 0;
  redis.on("error", (error: Error) => {
    if (Date.now() - lastLogged < 60_000) return;
    lastLogged = Date.now();
    console.error(`redis: ${error.message}`);
  });
  return redis;
}

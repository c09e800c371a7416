/**
 * `GET .../requests/{id}/status/stream`: server-sent status frames, pushed when the status
 * changes (timers aimed at the next scheduled change, plus cancel notifications).
 */
import type { ServerResponse } from "node:http";
import type { QueueRecord, QueueStore } from "./queue-store";
import { nextChangeAt } from "./request-lifecycle";

/** Keeps proxies and the client from treating a long quiet queue as a dead stream. */
const KEEPALIVE_MS = 10_000;

export function streamStatus(
  store: QueueStore,
  record: QueueRecord,
  withLogs: boolean,
  res: ServerResponse,
): void {
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-store",
    connection: "keep-alive",
    "x-fal-request-id": record.requestId,
  });
  res.flushHeaders();

  let sentLogs = 0;
  let lastKey = "";
  let timer: NodeJS.Timeout | undefined;
  const keepalive = setInterval(() => res.write(": keepalive\n\n"), KEEPALIVE_MS);
  const unsubscribe = store.onChange((requestId) => {
    if (requestId === record.requestId) push();
  });

  const stop = () => {
    clearTimeout(timer);
    clearInterval(keepalive);
    unsubscribe();
  };

  // The client accumulates `logs` across frames, so each frame carries only new lines.
  function push(): void {
    clearTimeout(timer);
    if (res.writableEnded || res.destroyed) return;
    const body = store.status(record, withLogs);
    const logs = body.logs ?? [];
    const key = JSON.stringify({ ...body, logs: logs.length });
    if (key !== lastKey) {
      const frame = body.logs ? { ...body, logs: logs.slice(sentLogs) } : body;
      res.write(`data: ${JSON.stringify(frame)}\n\n`);
      lastKey = key;
      sentLogs = logs.length;
    }
    if (body.status === "COMPLETED") {
      stop();
      res.end();
      return;
    }
    const now = store.now();
    const next = nextChangeAt(record, now) ?? now;
    // +1 ms so the clock has really passed the boundary when the timer fires.
    timer = setTimeout(push, Math.max(0, next - now) + 1);
  }

  res.on("close", stop);
  push();
}

/**
 * `GET .../requests/{id}/status/stream`: server-sent status frames, pushed when the status
 * changes (timers aimed at the next scheduled change, plus cancel notifications).
 */
import type { ServerResponse } from "node:http";
import type { QueueRecord, QueueStore } from "./queue-store";
import { nextChangeAt } from "./request-lifecycle";

/** Keeps proxies and the client from treating a long quiet queue as a dead stream. */
const keepaliveMs = 10_000;

export function streamStatus(
  store: QueueStore,
  record: QueueRecord,
  withLogs: boolean,
  response: ServerResponse,
): void {
  response.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-store",
    connection: "keep-alive",
    "x-fal-request-id": record.requestId,
  });
  response.flushHeaders();

  let sentLogs = 0;
  let lastKey = "";
  let timer: NodeJS.Timeout | undefined;
  const keepalive = setInterval(() => response.write(": keepalive\n\n"), keepaliveMs);
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
    if (response.writableEnded || response.destroyed) return;
    const body = store.status(record, withLogs);
    const logs = body.logs ?? [];
    const key = JSON.stringify({ ...body, logs: logs.length });
    if (key !== lastKey) {
      const frame = body.logs ? { ...body, logs: logs.slice(sentLogs) } : body;
      response.write(`data: ${JSON.stringify(frame)}\n\n`);
      lastKey = key;
      sentLogs = logs.length;
    }
    if (body.status === "COMPLETED") {
      stop();
      response.end();
      return;
    }
    const now = store.now();
    const next = nextChangeAt(record, now) ?? now;
    // +1 ms so the clock has really passed the boundary when the timer fires.
    timer = setTimeout(push, Math.max(0, next - now) + 1);
  }

  response.on("close", stop);
  push();
}

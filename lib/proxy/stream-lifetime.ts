/**
 * Passes `body` through until it ends, fails, is cancelled by the reader (the browser went
 * away), or `deadline` (epoch ms) passes; then calls `onEnd`, once. At the deadline the
 * upstream body is cancelled, to free fal's connection, and the stream simply ends: the
 * browser's client then polls instead (`lib/fal/browser/wait-for-completion.ts`).
 */
import "server-only";
export function limitStreamLifetime(
  body: ReadableStream<Uint8Array>,
  deadline: number,
  onEnd: () => void,
): ReadableStream<Uint8Array> {
  const upstream = body.getReader();
  let ended = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const end = () => {
    if (ended) return false;
    ended = true;
    clearTimeout(timer);
    onEnd();
    return true;
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      timer = setTimeout(
        () => {
          if (!end()) return;
          upstream.cancel("the proxy's stream lifetime ended").catch(() => undefined);
          controller.close();
        },
        Math.max(0, deadline - Date.now()),
      );
    },
    async pull(controller) {
      try {
        const { done, value } = await upstream.read();
        // Cut at the deadline while this read waited: the stream is already closed.
        if (ended) return;
        if (done) {
          end();
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        if (end()) controller.error(error);
      }
    },
    async cancel(reason) {
      end();
      await upstream.cancel(reason).catch(() => undefined);
    },
  });
}
